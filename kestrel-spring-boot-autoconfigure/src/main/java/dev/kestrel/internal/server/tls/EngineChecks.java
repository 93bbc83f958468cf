package dev.kestrel.internal.server.tls;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.TlsMessages;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.TlsEngine;

/**
 * What an endpoint asks of its TLS engine that the engine cannot do fails startup: a
 * native engine the process did not load, a session-ticket key file or
 * {@code SessionTickets: false} on the JDK engine.
 */
final class EngineChecks {

	private EngineChecks() {
	}

	static void check(String endpointName, HttpsConnectionAdapterOptions https, SessionTicketKeys keys) {
		TlsEngines.check(endpointName, https.getTlsEngine());
		boolean jdk = https.getTlsEngine() == TlsEngine.JDK || TlsEngines.current() == TlsEngine.JDK;
		if (jdk && keys.fromFile()) {
			throw new KestrelConfigurationException(endpointName, "kestrel.tls.session-ticket-keys",
					TlsMessages.sessionTicketKeysWithJdkEngine(endpointName), null);
		}
		if (jdk && !https.isSessionTickets()) {
			throw new KestrelConfigurationException(endpointName,
					"kestrel.endpoints." + endpointName + ".session-tickets",
					TlsMessages.sessionTicketsOffWithJdkEngine(endpointName), null);
		}
	}

}
