package dev.kestrel.devcerts.export;

import dev.kestrel.diagnostics.Problem;

/**
 * The catalogue of the development-certificate export: what went wrong and what to do
 * about it. No message ever contains a password or key material.
 * <p>
 * Tests assert on these methods, never on a copy of the text.
 */
public final class ExportMessages {

	private ExportMessages() {
	}

	public static Problem exportDirectoryMissing(String directory) {
		return new Problem(
				"The directory '" + directory + "' does not exist.  Choose permissions carefully when creating it.",
				"Create the directory (for example with mode 0700), then export again.");
	}

	public static Problem exportFailed(String path, String reason) {
		return new Problem("The certificate could not be exported to " + path + ": " + reason,
				"Check that the directory is writable by the current user.");
	}

	public static Problem emptyPemKeyPassword() {
		return new Problem("An empty password cannot encrypt the exported PEM key.",
				"Give a non-empty password with -p, or export the key unencrypted with -np|--no-password.");
	}

}
