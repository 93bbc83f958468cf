package dev.kestrel.devcerts.trust;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what a {@link DevCertReporter} receives.
 */
final class RecordingReporter implements DevCertReporter {

	final List<String> output = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	final List<String> verbose = new ArrayList<>();

	@Override
	public void output(String message) {
		this.output.add(message);
	}

	@Override
	public void warn(String message) {
		this.warnings.add(message);
	}

	@Override
	public void verbose(String message) {
		this.verbose.add(message);
	}

}
