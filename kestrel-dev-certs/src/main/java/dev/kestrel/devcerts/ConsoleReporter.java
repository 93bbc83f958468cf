package dev.kestrel.devcerts;

import java.io.PrintStream;

import dev.kestrel.devcerts.trust.DevCertReporter;

/**
 * Prints to the console as {@code dotnet dev-certs} does: results on standard output
 * (hidden by {@code --quiet}), details only with {@code --verbose}, warnings and errors
 * on standard error.
 */
final class ConsoleReporter implements DevCertReporter {

	private final PrintStream out;

	private final PrintStream err;

	private final boolean verbose;

	private final boolean quiet;

	ConsoleReporter(PrintStream out, PrintStream err, boolean verbose, boolean quiet) {
		this.out = out;
		this.err = err;
		this.verbose = verbose && !quiet;
		this.quiet = quiet;
	}

	boolean isVerbose() {
		return this.verbose;
	}

	@Override
	public void output(String message) {
		if (!this.quiet) {
			this.out.println(message);
		}
	}

	@Override
	public void warn(String message) {
		this.err.println(message);
	}

	@Override
	public void verbose(String message) {
		if (this.verbose) {
			this.out.println(message);
		}
	}

	void error(String message) {
		this.err.println(message);
	}

}
