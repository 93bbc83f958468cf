package dev.kestrel.configuration;

import static java.util.Objects.requireNonNull;

import dev.kestrel.configuration.HostingAddresses;
import dev.kestrel.configuration.KestrelConfig;

/**
 * Everything the starter reads from the environment, as
 * {@link KestrelConfigurationReader} returns it: immutable, and compared by value (the
 * reload of configuration compares two reads).
 *
 * @param configuration the {@code Kestrel} section
 * @param hostingAddresses the address lists outside it ({@code urls},
 * {@code ASPNETCORE_URLS}, {@code server.port})
 * @param cleartextHttp2 {@code kestrel.cleartext-http2}
 * @param developmentCertificateAutoCreate
 * {@code kestrel.development-certificate.auto-create}
 * @param serverHeader {@code server.server-header}, or {@code null}
 * @param tls {@code kestrel.tls.*}
 */
public record KestrelSettings(KestrelConfig configuration, HostingAddresses hostingAddresses, boolean cleartextHttp2,
		boolean developmentCertificateAutoCreate, String serverHeader, KestrelTlsConfig tls) {

	public KestrelSettings {
		requireNonNull(configuration, "configuration");
		requireNonNull(hostingAddresses, "hostingAddresses");
		tls = (tls != null) ? tls : KestrelTlsConfig.DEFAULT;
	}

	/**
	 * Creates settings with the default {@code kestrel.tls.*}.
	 * @param configuration the {@code Kestrel} section
	 * @param hostingAddresses the address lists outside it
	 * @param cleartextHttp2 {@code kestrel.cleartext-http2}
	 * @param developmentCertificateAutoCreate
	 * {@code kestrel.development-certificate.auto-create}
	 * @param serverHeader {@code server.server-header}, or {@code null}
	 */
	public KestrelSettings(KestrelConfig configuration, HostingAddresses hostingAddresses, boolean cleartextHttp2,
			boolean developmentCertificateAutoCreate, String serverHeader) {
		this(configuration, hostingAddresses, cleartextHttp2, developmentCertificateAutoCreate, serverHeader, null);
	}

}
