package dev.kestrel.devcerts.trust;

/**
 * Receives what the trust steps do, so that the command line can print it. Messages never
 * contain a password or key material.
 */
public interface DevCertReporter {

	/**
	 * Reports a step that was done.
	 * @param message the message
	 */
	void output(String message);

	/**
	 * Reports a step that failed or needs the user's attention.
	 * @param message the message
	 */
	void warn(String message);

	/**
	 * Reports a detail.
	 * @param message the message
	 */
	void verbose(String message);

	/**
	 * Returns a reporter that discards everything.
	 * @return a silent reporter
	 */
	static DevCertReporter silent() {
		return new DevCertReporter() {

			@Override
			public void output(String message) {
			}

			@Override
			public void warn(String message) {
			}

			@Override
			public void verbose(String message) {
			}

		};
	}

}
