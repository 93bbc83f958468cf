package dev.kestrel.devcerts.trust;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * An NSS certificate database (the {@code cert9.db} folder used by Chromium-based
 * browsers and Firefox).
 *
 * @param path the database folder
 * @param firefox whether it is a Firefox profile: Firefox ignores the "trusted peer"
 * flag, so the certificate is added there as a trusted CA ({@code C,,}) instead
 * ({@code P,,})
 */
public record NssDatabase(Path path, boolean firefox) {

	public NssDatabase {
		requireNonNull(path, "path");
	}

	/**
	 * Creates a database whose kind is guessed from its path, as .NET does: Firefox when
	 * it lies under {@code /.mozilla/firefox/}.
	 * @param path the database folder
	 * @return the database
	 */
	public static NssDatabase of(Path path) {
		requireNonNull(path, "path");
		Path absolute = path.toAbsolutePath().normalize();
		return new NssDatabase(absolute, absolute.toString().contains("/.mozilla/firefox/"));
	}

	/**
	 * @return the browser family, for messages
	 */
	public String family() {
		return this.firefox ? "Firefox" : "Chromium";
	}

	/**
	 * @return the trust flags given to {@code certutil -t}
	 */
	public String trustFlags() {
		return this.firefox ? "C,," : "P,,";
	}

}
