package dev.kestrel.certificates;

import java.util.Optional;

/**
 * The certificate store locations Kestrel knows ({@code Location}).
 */
public enum StoreLocation {

	/** The current user's stores (the default). */
	CURRENT_USER("CurrentUser"),

	/** The machine-wide stores. */
	LOCAL_MACHINE("LocalMachine");

	private final String kestrelName;

	StoreLocation(String kestrelName) {
		this.kestrelName = kestrelName;
	}

	/**
	 * Returns the name as written in configuration.
	 * @return {@code CurrentUser} or {@code LocalMachine}
	 */
	public String kestrelName() {
		return this.kestrelName;
	}

	/**
	 * Parses a configured location, ignoring case.
	 * @param value the configured value
	 * @return the location, or empty when the value names none
	 */
	public static Optional<StoreLocation> fromKestrelName(String value) {
		for (StoreLocation location : values()) {
			if (location.kestrelName.equalsIgnoreCase((value != null) ? value.trim() : null)) {
				return Optional.of(location);
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return this.kestrelName;
	}

}
