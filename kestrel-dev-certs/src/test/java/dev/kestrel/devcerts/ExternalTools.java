package dev.kestrel.devcerts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code openssl} and {@code certutil} from tests. Tests that call it declare the
 * programs with {@link dev.kestrel.testing.RequiresTools @RequiresTools}.
 */
public final class ExternalTools {

	private ExternalTools() {
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
