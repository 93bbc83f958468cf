package dev.kestrel.devcerts;

/**
 * The exit codes of {@code dotnet dev-certs https}, kept as they are because scripts and
 * IDEs test them.
 */
public final class ExitCodes {

	/** Invalid usage or an unexpected error (255 as a process exit status). */
	public static final int CRITICAL_ERROR = -1;

	/** Success. */
	public static final int SUCCESS = 0;

	/** The certificate could not be generated. */
	public static final int ERROR_CREATING = 1;

	/** The certificate could not be saved to the CurrentUser {@code My} store. */
	public static final int ERROR_SAVING = 2;

	/** The certificate could not be exported. */
	public static final int ERROR_EXPORTING = 3;

	/** The certificate could not be trusted (fully). */
	public static final int ERROR_TRUSTING = 4;

	/** The user cancelled the trust prompt (never on Linux). */
	public static final int USER_CANCELLED_TRUST = 5;

	/** {@code --check}: no valid certificate. */
	public static final int NO_VALID_CERTIFICATE = 6;

	/** {@code --check --trust}: no certificate is fully trusted. */
	public static final int CERTIFICATE_NOT_TRUSTED = 7;

	/** {@code --clean} failed somewhere. */
	public static final int ERROR_CLEANING = 8;

	/** A certificate is in an invalid state (macOS keychain only). */
	public static final int INVALID_CERTIFICATE_STATE = 9;

	/** {@code --format} names an unknown format. */
	public static final int INVALID_KEY_EXPORT_FORMAT = 10;

	/** {@code --import} failed unexpectedly. */
	public static final int ERROR_IMPORTING = 11;

	/** {@code --import}: the file does not exist. */
	public static final int MISSING_CERTIFICATE_FILE = 12;

	/** {@code --import}: the file cannot be read (or the password is wrong). */
	public static final int FAILED_TO_LOAD_CERTIFICATE = 13;

	/** {@code --import}: the file is not a development certificate. */
	public static final int NO_DEVELOPMENT_HTTPS_CERTIFICATE = 14;

	/** {@code --import}: the store already holds development certificates. */
	public static final int EXISTING_CERTIFICATES_PRESENT = 15;

	private ExitCodes() {
	}

}
