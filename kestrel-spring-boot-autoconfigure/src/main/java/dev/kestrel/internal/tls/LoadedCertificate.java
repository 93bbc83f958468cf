package dev.kestrel.internal.tls;

import dev.kestrel.certificates.ServerCertificate;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A certificate loaded from configuration, with the warnings the caller should log (see
 * {@link ServerCertificateValidator}).
 *
 * @param certificate the certificate with its key
 * @param warnings the warnings, possibly empty
 */
public record LoadedCertificate(ServerCertificate certificate, List<String> warnings) {

	public LoadedCertificate {
		requireNonNull(certificate, "certificate");
		warnings = List.copyOf(requireNonNull(warnings, "warnings"));
	}

}
