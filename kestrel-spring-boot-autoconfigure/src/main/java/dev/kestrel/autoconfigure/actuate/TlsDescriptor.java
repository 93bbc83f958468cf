package dev.kestrel.autoconfigure.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.kestrel.internal.server.tls.TlsEngines;
import dev.kestrel.options.HttpProtocols;
import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SniCertificate;
import dev.kestrel.options.SniOptions;
import dev.kestrel.options.SslProtocols;

/**
 * The TLS settings of an HTTPS endpoint.
 *
 * @param engine the TLS engine ({@code OpenSSL (BoringSSL)}, {@code JDK (...)})
 * @param sslProtocols Kestrel's {@code SslProtocols} (empty: the engine's defaults, TLS
 * 1.2 and 1.3)
 * @param clientCertificateMode Kestrel's {@code ClientCertificateMode}
 * @param handshakeTimeout the TLS handshake timeout
 * @param certificate the endpoint's certificate, or {@code null} when a selector or
 * callback chooses it per connection
 * @param sni the SNI entries, in configuration order
 */
public record TlsDescriptor(String engine, List<String> sslProtocols, String clientCertificateMode,
		Duration handshakeTimeout, @Nullable CertificateDescriptor certificate, List<SniDescriptor> sni) {

	static TlsDescriptor of(ListenOptions options) {
		HttpsConnectionAdapterOptions https = options.getHttpsOptions();
		List<SniDescriptor> sni = new ArrayList<>();
		options.getSni()
			.forEach((host, entry) -> sni.add(SniDescriptor.of(host, entry, options.getProtocols(), https)));
		if (https == null) {
			return new TlsDescriptor(processEngine(), List.of(), "", Duration.ZERO, null, List.copyOf(sni));
		}
		return new TlsDescriptor(processEngine(), names(https.getSslProtocols()),
				https.getClientCertificateMode().kestrelName(), https.getHandshakeTimeout(),
				(https.getServerCertificate() != null)
						? CertificateDescriptor.of(https.getServerCertificate().certificate()) : null,
				List.copyOf(sni));
	}

	static List<String> names(Set<SslProtocols> protocols) {
		return protocols.stream().map(SslProtocols::kestrelName).sorted().toList();
	}

	/**
	 * One SNI entry.
	 *
	 * @param host the host name pattern ({@code example.org}, {@code *.example.org},
	 * {@code *})
	 * @param protocols the entry's {@code Protocols}
	 * @param sslProtocols the entry's {@code SslProtocols}
	 * @param clientCertificateMode the entry's {@code ClientCertificateMode}
	 * @param certificate the entry's certificate, or {@code null} when it has none or
	 * loads it on first use and has not yet
	 */
	public record SniDescriptor(String host, String protocols, List<String> sslProtocols, String clientCertificateMode,
			@Nullable CertificateDescriptor certificate) {

		static SniDescriptor of(String host, SniOptions entry, HttpProtocols endpointProtocols,
				@Nullable HttpsConnectionAdapterOptions https) {
			HttpsConnectionAdapterOptions endpoint = (https != null) ? https : new HttpsConnectionAdapterOptions();
			return new SniDescriptor(host, entry.protocolsOr(endpointProtocols).kestrelName(),
					names(entry.sslProtocolsOr(endpoint)), entry.clientCertificateModeOr(endpoint).kestrelName(),
					certificate(entry.certificate()));
		}

		private static @Nullable CertificateDescriptor certificate(@Nullable SniCertificate certificate) {
			if (certificate == null || certificate.isDeferred()) {
				return null;
			}
			return CertificateDescriptor.of(certificate.get().certificate());
		}

	}

	/**
	 * @return the process-wide TLS engine as users name it: {@code OpenSSL},
	 * {@code BoringSSL} or {@code JDK}
	 */
	private static String processEngine() {
		return switch (TlsEngines.current()) {
			case OPENSSL -> "OpenSSL";
			case JDK -> "JDK";
			default -> "BoringSSL";
		};
	}

}
