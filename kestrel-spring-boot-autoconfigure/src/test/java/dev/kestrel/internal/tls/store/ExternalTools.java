package dev.kestrel.internal.tls.store;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code openssl} and {@code certutil} from tests.
 */
public final class ExternalTools {

	private ExternalTools() {
	}

	/**
	 * Finds a command on the {@code PATH}.
	 * @param command the command name
	 * @return its path, if installed
	 */
	public static Optional<Path> find(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String folder : path.split(File.pathSeparator)) {
			Path candidate = Path.of(folder, command);
			if (!folder.isBlank() && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * @return whether {@code openssl} is installed
	 */
	public static boolean hasOpenSsl() {
		return find("openssl").isPresent();
	}

	/**
	 * @return whether {@code certutil} is installed
	 */
	public static boolean hasCertUtil() {
		return find("certutil").isPresent();
	}

	/**
	 * Runs a command and returns its exit code and combined output.
	 * @param command the command and its arguments
	 * @return the result
	 */
	public static Result run(String... command) {
		try {
			Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", command));
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The outcome of a command.
	 *
	 * @param exitCode the exit code
	 * @param output stdout and stderr
	 */
	public record Result(int exitCode, String output) {

	}

}
