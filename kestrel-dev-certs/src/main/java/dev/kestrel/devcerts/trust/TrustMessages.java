package dev.kestrel.devcerts.trust;

/**
 * The catalogue of the development-certificate trust on Linux: what each step did (the
 * CurrentUser {@code Root} store, the OpenSSL folder, NSS databases) and what the user
 * must still do. Paths below the home directory are shown as {@code $HOME/...}.
 * <p>
 * Tests assert on these methods, never on a copy of the text.
 */
final class TrustMessages {

	private TrustMessages() {
	}

	static String trustAddedToRootStore(String directory) {
		return "Added the certificate to the .NET trusted root store (" + directory + ").";
	}

	static String trustAlreadyInRootStore(String directory) {
		return "The certificate is already in the .NET trusted root store (" + directory + ").";
	}

	static String trustRootStoreFailed(String reason) {
		return "Could not add the certificate to the .NET trusted root store: " + reason;
	}

	static String trustExportedPem(String path) {
		return "Wrote the certificate (without its key) to " + path + ".";
	}

	static String trustPemAlreadyPresent(String path) {
		return "The certificate is already in " + path + ".";
	}

	static String trustExistingFileDiffers(String path) {
		return "Not overwriting " + path + ": it holds a different certificate or cannot be read. Remove the file "
				+ "and trust again.";
	}

	static String trustExportFailed(String path, String reason) {
		return "Could not write the certificate to " + path + ": " + reason;
	}

	static String trustDirectoryWritableByOthers(String directory) {
		return "The folder " + directory + " is writable by other users, who could make this user trust any "
				+ "certificate. Run: chmod go-w " + directory;
	}

	static String trustOpenSslMissing() {
		return "The 'openssl' command was not found on PATH: skipped the OpenSSL hash link, so OpenSSL-based clients "
				+ "(curl, Python, ...) will not trust the certificate. Install OpenSSL and trust again.";
	}

	static String trustOpenSslLinked(String link, String target) {
		return "Created the OpenSSL hash link " + link + " -> " + target + ".";
	}

	static String trustOpenSslFailed(String path, String reason) {
		return "Could not create the OpenSSL hash link for " + path + ": " + reason;
	}

	static String trustSslCertDirConfigured(String directory, String variable) {
		return variable + " already lists " + directory + ".";
	}

	static String trustSuggestAppendingSslCertDir(String directory, String variable) {
		return "For OpenSSL-based clients to trust the certificate, add " + directory + " to " + variable
				+ ", for example: export " + variable + "=\"$" + variable + ":" + directory + "\"";
	}

	static String trustSuggestSettingSslCertDir(String directory, String systemCertificates, String variable) {
		return "For OpenSSL-based clients to trust the certificate, set " + variable + ", for example: export "
				+ variable + "=\"" + directory + ((systemCertificates != null) ? ":" + systemCertificates : "") + "\""
				+ ((systemCertificates != null) ? ""
						: " followed by ':' and your system's certificate folder (see 'openssl version -d')");
	}

	static String trustNoNssDatabases() {
		return "No NSS database found ($HOME/.pki/nssdb, snap Chromium, Firefox profiles): skipped browser trust.";
	}

	static String nssDatabaseCreated(String path, String browser) {
		return "Created the NSS database " + path + " (as Chromium does on its first start; " + browser
				+ " is installed).";
	}

	static String nssDatabaseNotCreated(String path, String reason) {
		return "Could not create the NSS database " + path + ": " + reason + ". Start the browser once, then run "
				+ "--trust again.";
	}

	static String nssDatabaseMissing(String path, String variable) {
		return "Skipped the NSS database " + path + " listed in " + variable + ": the folder does not exist.";
	}

	static String trustCertUtilMissing(String databases) {
		return "The 'certutil' command was not found on PATH (package libnss3-tools or nss-tools): browsers using "
				+ databases + " will not trust the certificate.";
	}

	static String trustNssAdded(String database, String family) {
		return "Added the certificate to the " + family + " NSS database " + database + ".";
	}

	static String trustNssFailed(String database, String family, String reason) {
		return "Could not add the certificate to the " + family + " NSS database " + database + ": " + reason;
	}

	static String trustJavaClients() {
		return "Java clients use none of these stores: to trust the certificate from Java, export it with "
				+ "'-ep <file> --format Pem' and add it to the client's trust store or SSL bundle.";
	}

	static String trustPartial() {
		return "The certificate is trusted by some clients but not by others; see the messages above.";
	}

	static String notTrustedByDotnet(String directory) {
		return "The certificate is not in the .NET trusted root store (" + directory + ").";
	}

	static String notTrustedByOpenSsl(String variable) {
		return "No folder of " + variable + " holds the certificate: OpenSSL-based clients do not trust it.";
	}

	static String notTrustedByNss(String database, String family) {
		return "The " + family + " NSS database " + database + " does not trust the certificate.";
	}

	static String untrustRemovedFromRootStore(String thumbprint, String directory) {
		return "Removed the certificate " + thumbprint + " from the .NET trusted root store (" + directory + ").";
	}

	static String untrustRemovedPem(String path) {
		return "Removed " + path + ".";
	}

	static String untrustNssRemoved(String database) {
		return "Removed the certificate from the NSS database " + database + ".";
	}

	static String untrustCertUtilMissing(String database) {
		return "The 'certutil' command was not found on PATH: could not check the NSS database " + database + ".";
	}

	static String untrustFailed(String location, String reason) {
		return "Could not remove the certificate from " + location + ": " + reason;
	}

}
