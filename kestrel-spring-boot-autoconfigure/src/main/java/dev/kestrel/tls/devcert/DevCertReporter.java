package dev.kestrel.tls.devcert;

/**
 * Receives what the development-certificate operations do, so that a command-line tool can print it and a server can
 * log it. Messages come from {@link dev.kestrel.diagnostics.KestrelMessages} and never contain a password or key
 * material.
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
