package dev.kestrel.internal.server.tls;

import java.util.ArrayList;
import java.util.List;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.kestrel.diagnostics.KestrelConfigurationException;
import dev.kestrel.diagnostics.TlsMessages;
import dev.kestrel.options.TlsEngine;

import static java.util.Objects.requireNonNull;

/**
 * The process-wide TLS engine ({@code kestrel.tls.engine}): chosen once, before the first
 * TLS context, and logged with the reason each faster engine was skipped. {@code auto}
 * takes OpenSSL, then BoringSSL, then the JDK; {@code openssl} and {@code boringssl} fail
 * startup when they cannot load; {@code jdk} loads no native library. A second
 * application in the same JVM gets the engine the first one chose (a different explicit
 * choice fails its startup). Endpoints may still run on the JDK engine
 * ({@code TlsEngine: Jdk}).
 */
public final class TlsEngines {

	private static final Log logger = LogFactory.getLog(TlsEngines.class);

	private static TlsEngine chosen;

	private static TlsEngine requested;

	private TlsEngines() {
	}

	/**
	 * Chooses the process-wide engine, once; later calls check that they ask for a
	 * compatible one.
	 * @param engine {@code kestrel.tls.engine}
	 * @return the engine that serves: {@link TlsEngine#OPENSSL},
	 * {@link TlsEngine#BORINGSSL} or {@link TlsEngine#JDK}
	 * @throws KestrelConfigurationException when an explicit engine cannot load
	 */
	public static synchronized TlsEngine choose(TlsEngine engine) {
		requireNonNull(engine, "engine");
		if (chosen != null) {
			if (engine != TlsEngine.AUTO && engine != chosen && !(engine == TlsEngine.JDK)) {
				throw new KestrelConfigurationException(null, "kestrel.tls.engine",
						TlsMessages.engineAlreadyChosen(engine.value(), NativeTlsLibrary.name(chosen)), null);
			}
			return (engine == TlsEngine.JDK) ? TlsEngine.JDK : chosen;
		}
		List<String> skipped = new ArrayList<>();
		TlsEngine loaded = null;
		if (engine != TlsEngine.JDK) {
			List<TlsEngine> candidates = (engine == TlsEngine.AUTO) ? List.of(TlsEngine.OPENSSL, TlsEngine.BORINGSSL)
					: List.of(engine);
			loaded = NativeTlsLibrary.load(candidates, skipped);
			if (loaded != null && !candidates.contains(loaded)) {
				throw new KestrelConfigurationException(null, "kestrel.tls.engine",
						TlsMessages.engineAlreadyChosen(engine.value(), NativeTlsLibrary.name(loaded)), null);
			}
			if (loaded == null && engine != TlsEngine.AUTO) {
				throw new KestrelConfigurationException(null, "kestrel.tls.engine",
						TlsMessages.engineUnavailable(engine.value(), skipped), null);
			}
		}
		chosen = (loaded != null) ? loaded : TlsEngine.JDK;
		requested = engine;
		logger.info(TlsMessages.engineChosen(NativeTlsLibrary.name(chosen), version(chosen), skipped));
		if (chosen == TlsEngine.JDK) {
			logger
				.info(TlsMessages.jdkEngineSettings(System.getProperty("java.version"), JdkTlsDefaults.limitsGroups()));
		}
		return (engine == TlsEngine.JDK) ? TlsEngine.JDK : chosen;
	}

	/**
	 * @return the process-wide engine, chosen with {@code auto} when nothing chose it yet
	 */
	public static synchronized TlsEngine current() {
		return (chosen != null) ? ((requested == TlsEngine.JDK) ? TlsEngine.JDK : chosen) : choose(TlsEngine.AUTO);
	}

	/**
	 * @param endpointEngine the endpoint's {@code TlsEngine} ({@link TlsEngine#AUTO}: the
	 * process-wide one)
	 * @return Netty's provider for it
	 */
	static SslProvider provider(TlsEngine endpointEngine) {
		TlsEngine process = current();
		if (endpointEngine == TlsEngine.JDK || process == TlsEngine.JDK) {
			return SslProvider.JDK;
		}
		return SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;
	}

	/**
	 * Checks that an endpoint's engine can serve in this process.
	 * @param endpointName the endpoint
	 * @param endpointEngine its {@code TlsEngine}
	 * @throws KestrelConfigurationException when it names a native engine that is not the
	 * process's
	 */
	public static void check(String endpointName, TlsEngine endpointEngine) {
		if (endpointEngine.isNative() && endpointEngine != current()) {
			throw new KestrelConfigurationException(endpointName, "kestrel.endpoints." + endpointName + ".tls-engine",
					TlsMessages.endpointEngineUnavailable(endpointName, endpointEngine.value(),
							NativeTlsLibrary.name(current())),
					null);
		}
	}

	private static String version(TlsEngine engine) {
		return (engine == TlsEngine.JDK) ? System.getProperty("java.vendor") + " " + System.getProperty("java.version")
				: OpenSsl.versionString();
	}

}
