package dev.kestrel.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * The rule behind {@link RequiresTools}: a program counts as installed when an executable
 * file of that name is in one of the {@code PATH} folders (nothing is run to find out). A
 * missing program disables the test, unless the environment variable {@code CI} is
 * {@code true} (in any case): then it fails the test.
 */
final class RequiresToolsCondition implements ExecutionCondition {

	/**
	 * The Debian package of every program a test may require, the one place that knows
	 * them. {@code .ci/run} installs them all and README's set-up section lists them.
	 */
	/**
	 * Debian's python3-h2, an HTTP/2 frame library for {@code /usr/bin/python3}: "on the
	 * PATH" when that interpreter imports it.
	 */
	public static final String PYTHON3_H2 = "python3-h2";

	static final Map<String, String> DEBIAN_PACKAGES = Map.ofEntries(Map.entry("curl", "curl"),
			Map.entry("openssl", "openssl"), Map.entry("h2load", "nghttp2-client"),
			Map.entry("nghttp", "nghttp2-client"), Map.entry("nginx", "nginx"), Map.entry("certutil", "libnss3-tools"),
			Map.entry("wrk", "wrk"), Map.entry("haproxy", "haproxy"), Map.entry(PYTHON3_H2, PYTHON3_H2),
			Map.entry("sslscan", "sslscan"), Map.entry("testssl", "testssl.sh"));

	private final Function<String, String> environment;

	RequiresToolsCondition() {
		this(System::getenv);
	}

	/**
	 * Creates a condition that reads {@code PATH} and {@code CI} from the given
	 * environment.
	 * @param environment returns an environment variable's value, or {@code null}
	 */
	RequiresToolsCondition(Function<String, String> environment) {
		this.environment = environment;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		return AnnotationSupport.findAnnotation(context.getElement(), RequiresTools.class)
			.map((requires) -> evaluate(requires.value()))
			.orElseGet(() -> ConditionEvaluationResult.enabled("no @RequiresTools"));
	}

	/**
	 * Decides whether a test that drives the given programs runs.
	 * @param tools the programs
	 * @return enabled when every program is on the {@code PATH}, else disabled naming the
	 * missing ones
	 * @throws AssertionFailedError when a program is missing and {@code CI} is
	 * {@code true}
	 * @throws IllegalArgumentException for a program without a known Debian package
	 */
	ConditionEvaluationResult evaluate(String... tools) {
		for (String tool : tools) {
			if (!DEBIAN_PACKAGES.containsKey(tool)) {
				throw new IllegalArgumentException("No Debian package known for '" + tool + "': add it to "
						+ RequiresToolsCondition.class.getSimpleName() + ".DEBIAN_PACKAGES and to .ci/run");
			}
		}
		List<String> missing = Stream.of(tools).filter((tool) -> !isOnPath(tool)).toList();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled(String.join(", ", tools) + " found on the PATH");
		}
		String reason = missingReason(missing);
		if ("true".equalsIgnoreCase(this.environment.apply("CI"))) {
			throw new AssertionFailedError(
					reason + "; CI=true, so a missing tool fails the test instead of skipping it");
		}
		return ConditionEvaluationResult.disabled(reason);
	}

	private boolean isOnPath(String tool) {
		if (tool.equals(PYTHON3_H2)) {
			return pythonImports("h2");
		}
		String path = this.environment.apply("PATH");
		if (path == null) {
			return false;
		}
		for (String folder : path.split(File.pathSeparator)) {
			if (!folder.isEmpty() && isExecutableFile(folder, tool)) {
				return true;
			}
		}
		return false;
	}

	private static boolean pythonImports(String module) {
		try {
			Process process = new ProcessBuilder("/usr/bin/python3", "-c", "import " + module).start();
			return process.waitFor() == 0;
		}
		catch (java.io.IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean isExecutableFile(String folder, String name) {
		try {
			Path candidate = Path.of(folder, name);
			return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
		}
		catch (InvalidPathException ex) {
			return false;
		}
	}

	private static String missingReason(List<String> missing) {
		Set<String> packages = new LinkedHashSet<>();
		missing.forEach((tool) -> packages.add(DEBIAN_PACKAGES.get(tool)));
		return String.join(", ", missing) + " not found on the PATH (install: apt-get install "
				+ String.join(" ", packages) + ")";
	}

}
