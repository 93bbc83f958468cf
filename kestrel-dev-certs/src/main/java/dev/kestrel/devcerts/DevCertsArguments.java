package dev.kestrel.devcerts;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The parsed command line of {@code kestrel-dev-certs}: {@code https} followed by the
 * options of {@code dotnet dev-certs https}. Option values may follow as the next
 * argument or after {@code =}.
 *
 * @param help whether help was asked for (or no command was given)
 * @param exportPath {@code -ep|--export-path}, or {@code null}
 * @param password {@code -p|--password}, or {@code null}
 * @param noPassword {@code -np|--no-password}
 * @param check {@code -c|--check}
 * @param clean {@code --clean}
 * @param importPath {@code -i|--import}, or {@code null}
 * @param format {@code --format}, or {@code null}
 * @param trust {@code -t|--trust}
 * @param verbose {@code -v|--verbose}
 * @param quiet {@code -q|--quiet}
 */
record DevCertsArguments(boolean help, String exportPath, String password, boolean noPassword, boolean check,
		boolean clean, String importPath, String format, boolean trust, boolean verbose, boolean quiet) {

	@Override
	public String toString() {
		// never show the password
		return "DevCertsArguments[exportPath=" + this.exportPath + ", password="
				+ ((this.password != null) ? "***" : null) + ", noPassword=" + this.noPassword + ", check=" + this.check
				+ ", clean=" + this.clean + ", importPath=" + this.importPath + ", format=" + this.format + ", trust="
				+ this.trust + "]";
	}

	/**
	 * Parses a command line.
	 * @param arguments the arguments
	 * @return the parsed arguments
	 * @throws InvalidArgumentsException for an unknown command or option, or a missing
	 * value
	 */
	static DevCertsArguments parse(List<String> arguments) {
		requireNonNull(arguments, "arguments");
		if (arguments.isEmpty() || isHelp(arguments.get(0))) {
			return new DevCertsArguments(true, null, null, false, false, false, null, null, false, false, false);
		}
		if (!arguments.get(0).equals("https")) {
			throw new InvalidArgumentsException(DevCertsMessages.unrecognizedArgument(arguments.get(0)));
		}
		Builder builder = new Builder();
		for (int index = 1; index < arguments.size(); index++) {
			String argument = arguments.get(index);
			String name = argument;
			String inlineValue = null;
			int equals = argument.indexOf('=');
			if (argument.startsWith("-") && equals > 0) {
				name = argument.substring(0, equals);
				inlineValue = argument.substring(equals + 1);
			}
			switch (name) {
				case "-h", "--help", "-?" -> builder.help = true;
				case "-np", "--no-password" -> builder.noPassword = true;
				case "-c", "--check" -> builder.check = true;
				case "--clean" -> builder.clean = true;
				case "-t", "--trust" -> builder.trust = true;
				case "-v", "--verbose" -> builder.verbose = true;
				case "-q", "--quiet" -> builder.quiet = true;
				case "-ep", "--export-path", "-p", "--password", "-i", "--import", "--format" -> {
					String value = inlineValue;
					if (value == null) {
						if (index + 1 >= arguments.size()) {
							throw new InvalidArgumentsException(DevCertsMessages.missingValue(name));
						}
						value = arguments.get(++index);
					}
					builder.value(name, value);
				}
				default -> throw new InvalidArgumentsException(DevCertsMessages.unrecognizedArgument(argument));
			}
			if (inlineValue != null && !takesValue(name)) {
				throw new InvalidArgumentsException(DevCertsMessages.unrecognizedArgument(argument));
			}
		}
		return builder.build();
	}

	private static boolean takesValue(String name) {
		return List.of("-ep", "--export-path", "-p", "--password", "-i", "--import", "--format").contains(name);
	}

	private static boolean isHelp(String argument) {
		return argument.equals("-h") || argument.equals("--help") || argument.equals("-?");
	}

	private static final class Builder {

		private boolean help;

		private String exportPath;

		private String password;

		private boolean noPassword;

		private boolean check;

		private boolean clean;

		private String importPath;

		private String format;

		private boolean trust;

		private boolean verbose;

		private boolean quiet;

		void value(String name, String value) {
			switch (name) {
				case "-ep", "--export-path" -> this.exportPath = value;
				case "-p", "--password" -> this.password = value;
				case "-i", "--import" -> this.importPath = value;
				default -> this.format = value;
			}
		}

		DevCertsArguments build() {
			return new DevCertsArguments(this.help, this.exportPath, this.password, this.noPassword, this.check,
					this.clean, this.importPath, this.format, this.trust, this.verbose, this.quiet);
		}

	}

	/** Thrown for a command line that cannot be parsed; the message says why. */
	static final class InvalidArgumentsException extends RuntimeException {

		InvalidArgumentsException(String message) {
			super(message);
		}

	}

}
