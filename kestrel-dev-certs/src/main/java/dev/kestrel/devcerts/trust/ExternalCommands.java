package dev.kestrel.devcerts.trust;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the external commands the trust step uses ({@code openssl},
 * {@code certutil}), on the {@code PATH} of a given environment. Arguments are passed as
 * a list, never through a shell.
 */
final class ExternalCommands {

	private static final long TIMEOUT_SECONDS = 60;

	private final Map<String, String> environment;

	ExternalCommands(Map<String, String> environment) {
		this.environment = environment;
	}

	Optional<Path> find(String command) {
		String path = this.environment.get("PATH");
		if (path == null || path.isBlank()) {
			return Optional.empty();
		}
		for (String folder : path.split(File.pathSeparator)) {
			if (folder.isBlank()) {
				continue;
			}
			Path candidate = Path.of(folder, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	Result run(Path executable, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(executable.toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(this.environment);
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return new Result(-1, "timed out after " + TIMEOUT_SECONDS + " s");
			}
			return new Result(process.exitValue(), new String(output.get(), Charset.defaultCharset()).trim());
		}
		catch (IOException | ExecutionException ex) {
			return new Result(-1, String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(-1, "interrupted");
		}
	}

	private static byte[] readAll(InputStream input) {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		try (input) {
			input.transferTo(output);
		}
		catch (IOException ex) {
			// the process ended or was killed: keep what was read
		}
		return output.toByteArray();
	}

	record Result(int exitCode, String output) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

	}

}
