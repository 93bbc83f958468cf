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
 */
public record KestrelSettings(KestrelConfig configuration, HostingAddresses hostingAddresses, boolean cleartextHttp2,
		boolean developmentCertificateAutoCreate, String serverHeader) {

	public KestrelSettings {
		requireNonNull(configuration, "configuration");
		requireNonNull(hostingAddresses, "hostingAddresses");
	}

}
