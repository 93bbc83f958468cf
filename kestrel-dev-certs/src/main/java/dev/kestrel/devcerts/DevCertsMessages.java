package dev.kestrel.devcerts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The catalogue of the {@code kestrel-dev-certs} command line: help, usage errors and
 * results. Texts taken from {@code dotnet dev-certs https} keep its wording so that .NET
 * users recognise them. No message ever contains a password or key material.
 * <p>
 * Tests assert on these methods, never on a copy of the text.
 */
final class DevCertsMessages {

	private DevCertsMessages() {
	}

	static String help() {
		return """
				Usage: java -jar kestrel-dev-certs.jar https [options]

				Creates, checks, exports, trusts and removes the HTTPS development certificate, like
				'dotnet dev-certs https' (and shared with it).

				Options:
				  -ep|--export-path <path>  Full path to the exported certificate
				  -p|--password <password>  Password to use when exporting the certificate with the private key into
				                            a pfx file or to encrypt the Pem exported key
				  -np|--no-password         Explicitly request that you don't use a password for the key when
				                            exporting a certificate to a PEM format
				  -c|--check                Check for the existence of the certificate but do not perform any action
				  --clean                   Cleans all HTTPS development certificates from the machine.
				  -i|--import <path>        Imports the provided HTTPS development certificate into the machine.
				                            All other HTTPS developer certificates will be cleared out
				  --format <format>         Export the certificate in the given format. Valid values are Pfx and
				                            Pem. Pfx is the default.
				  -t|--trust                Trust the certificate on the current platform. When combined with the
				                            --check option, validates that the certificate is trusted.
				  -v|--verbose              Display more debug information.
				  -q|--quiet                Display warnings and errors only.
				  -h|--help                 Show help information.

				Environment:
				  KESTREL_X509STORES_CURRENT_USER                 Certificate stores folder
				                                                  (default $HOME/.dotnet/corefx/cryptography/x509stores)
				  DOTNET_DEV_CERTS_OPENSSL_CERTIFICATE_DIRECTORY  OpenSSL trust folder ($HOME/.aspnet/dev-certs/trust)
				  DOTNET_DEV_CERTS_NSSDB_PATHS                    NSS databases to trust in, separated by ';' or ':'

				Exit codes: 0 success, 1 error creating, 2 error saving, 3 error exporting, 4 error trusting,
				6 no valid certificate, 7 not trusted, 8 error cleaning, 10 unknown key format, 11 error importing,
				12 missing certificate file, 13 failed to load certificate, 14 not a development certificate,
				15 existing certificates present, 255 (-1) invalid usage or critical error.""";
	}

	static String invalidUsage() {
		return """
				Incompatible set of flags. Sample usages
				'java -jar kestrel-dev-certs.jar https'
				'java -jar kestrel-dev-certs.jar https --clean'
				'java -jar kestrel-dev-certs.jar https --clean --import ./certificate.pfx -p password'
				'java -jar kestrel-dev-certs.jar https --check --trust'
				'java -jar kestrel-dev-certs.jar https -ep ./certificate.pfx -p password --trust'
				'java -jar kestrel-dev-certs.jar https -ep ./certificate.crt --trust --format Pem'
				'java -jar kestrel-dev-certs.jar https -ep ./certificate.crt -p password --trust --format Pem'""";
	}

	static String unrecognizedArgument(String argument) {
		return "Unrecognized command or argument '" + argument + "'. Run with --help for the options.";
	}

	static String missingValue(String option) {
		return "Missing value for option '" + option + "'.";
	}

	static String unknownKeyFormat(String format) {
		return "Unknown key format '" + format + "'.";
	}

	static String generated() {
		return "The HTTPS developer certificate was generated successfully.";
	}

	static String alreadyPresent() {
		return "A valid HTTPS certificate is already present.";
	}

	static String exported(String path) {
		return "The certificate was exported to " + path;
	}

	static String errorCreating() {
		return "There was an error creating the HTTPS developer certificate.";
	}

	static String errorSaving() {
		return "There was an error saving the HTTPS developer certificate to the current user personal certificate "
				+ "store.";
	}

	static String errorExporting() {
		return "There was an error exporting the HTTPS developer certificate to a file.";
	}

	static String trustRequested() {
		return "Trusting the HTTPS development certificate was requested. Trust is per-user and may require "
				+ "additional configuration. See https://aka.ms/dev-certs-trust for more information.";
	}

	static String trustPartiallyFailed() {
		return "There was an error trusting the HTTPS developer certificate. It will be trusted by some clients but "
				+ "not by others.";
	}

	static String trustFailed() {
		return "There was an error trusting the HTTPS developer certificate.";
	}

	static String existingTrusted() {
		return "Successfully trusted the existing HTTPS certificate.";
	}

	static String newTrusted() {
		return "Successfully created and trusted a new HTTPS certificate.";
	}

	static String noValidCertificate() {
		return "No valid certificate found.";
	}

	static String noneTrusted(String descriptions) {
		return "The following certificates were found, but none of them is trusted: " + descriptions;
	}

	static String runWithVerbose() {
		return "Run the command with --verbose for more details.";
	}

	static String found(String state, List<String> descriptions) {
		if (descriptions.size() == 1) {
			return "A " + state + " certificate was found: " + descriptions.get(0);
		}
		StringBuilder text = new StringBuilder(descriptions.size() + " " + state + " certificates were found: "
				+ descriptions.size() + " certificates");
		for (int index = 0; index < descriptions.size(); index++) {
			text.append(System.lineSeparator())
				.append("    ")
				.append(index + 1)
				.append(") ")
				.append(descriptions.get(index));
		}
		return text.toString();
	}

	static String checkTrustHint() {
		return "Run the command with both --check and --trust options to ensure that the certificate is not only "
				+ "valid but also trusted.";
	}

	static String cleaning() {
		return "Cleaning HTTPS development certificates from the machine. You may wish to update the SSL_CERT_DIR "
				+ "environment variable. See https://aka.ms/dev-certs-trust for more information.";
	}

	static String cleaned() {
		return "HTTPS development certificates successfully removed from the machine.";
	}

	static String cleanFailed() {
		return "There was an error trying to clean HTTPS development certificates on this machine.";
	}

	static String removeFailed(String thumbprint) {
		return "There was an error removing the certificate with thumbprint '" + thumbprint + "'.";
	}

	static String imported() {
		return "The certificate was successfully imported.";
	}

	static String importFileMissing(String path) {
		return "The certificate file '" + path + "' does not exist.";
	}

	static String importInvalid(String path) {
		return "The provided certificate file '" + path + "' is not a valid PFX file or the password is incorrect.";
	}

	static String importNotDevelopmentCertificate(String path) {
		return "The certificate at '" + path + "' is not a valid ASP.NET Core HTTPS development certificate.";
	}

	static String importExistingCertificates() {
		return "There are one or more ASP.NET Core HTTPS development certificates present in the environment. "
				+ "Remove them before importing the given certificate.";
	}

	static String unexpectedError(String reason) {
		return "An unexpected error occurred: " + reason;
	}

	static String certificateDescription(String thumbprint, String subject, Instant notBefore, Instant notAfter,
			boolean developmentCertificate) {
		DateTimeFormatter universal = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
		return thumbprint + " - " + subject + " - Valid from " + universal.format(notBefore) + " to "
				+ universal.format(notAfter) + " - IsHttpsDevelopmentCertificate: " + developmentCertificate
				+ " - IsExportable: true";
	}

}
