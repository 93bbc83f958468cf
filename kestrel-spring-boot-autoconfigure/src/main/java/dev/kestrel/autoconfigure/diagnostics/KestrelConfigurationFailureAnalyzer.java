package dev.kestrel.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

import dev.kestrel.diagnostics.KestrelConfigurationException;

/**
 * Reports every Kestrel startup failure (invalid address, missing {@code Url}, duplicate
 * names, address in use, unsupported key, certificate problems) with the endpoint, the
 * configuration key and the action that fixes it. Runs before Spring Boot's own
 * analyzers, so an address in use names the endpoint rather than only the port.
 */
public class KestrelConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<KestrelConfigurationException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KestrelConfigurationException cause) {
		return new FailureAnalysis(describe(cause), cause.getProblem().action(), cause);
	}

	static String describe(KestrelConfigurationException cause) {
		StringBuilder description = new StringBuilder("Kestrel could not start");
		if (cause.getEndpointName() != null) {
			description.append(" endpoint '").append(cause.getEndpointName()).append("'");
		}
		if (cause.getConfigurationKey() != null) {
			description.append(" (").append(cause.getConfigurationKey()).append(")");
		}
		return description.append(".\n\n").append(cause.getProblem().description()).toString();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
