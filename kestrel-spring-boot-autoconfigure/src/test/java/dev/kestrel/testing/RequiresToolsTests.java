package dev.kestrel.testing;

import java.io.File;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * {@link RequiresTools} with a made-up {@code PATH} and {@code CI}.
 */
class RequiresToolsTests {

	@TempDir
	Path temp;

	private Path bin;

	private final Map<String, String> environment = new HashMap<>();

	@BeforeEach
	void emptyPath() throws Exception {
		this.bin = Files.createDirectories(this.temp.resolve("bin"));
		this.environment.put("PATH", this.temp.resolve("missing") + File.pathSeparator + this.bin);
	}

	@Test
	void missingToolSkipsTheTestNamingTheToolAndItsPackage() {
		ConditionEvaluationResult result = condition().evaluate("curl");
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).contains("curl not found on the PATH (install: apt-get install curl)");
	}

	@Test
	void toolOnThePathLetsTheTestRun() throws Exception {
		install("curl");
		install("openssl");
		ConditionEvaluationResult result = condition().evaluate("curl", "openssl");
		assertThat(result.isDisabled()).isFalse();
		assertThat(result.getReason()).contains("curl, openssl found on the PATH");
	}

	@Test
	void aFileThatIsNotExecutableOrAFolderIsNotTheTool() throws Exception {
		Files.writeString(this.bin.resolve("curl"), "");
		Files.setPosixFilePermissions(this.bin.resolve("curl"), PosixFilePermissions.fromString("rw-r--r--"));
		Files.createDirectories(this.bin.resolve("openssl"));
		assertThat(condition().evaluate("curl").isDisabled()).isTrue();
		assertThat(condition().evaluate("openssl").isDisabled()).isTrue();
	}

	@Test
	void withoutAPathEveryToolIsMissing() {
		this.environment.remove("PATH");
		assertThat(condition().evaluate("wrk").getReason())
			.contains("wrk not found on the PATH (install: apt-get install wrk)");
	}

	@Test
	void everyMissingToolIsNamedWithEachPackageOnce() throws Exception {
		install("openssl");
		ConditionEvaluationResult result = condition().evaluate("h2load", "openssl", "nghttp", "certutil");
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).contains("h2load, nghttp, certutil not found on the PATH "
				+ "(install: apt-get install nghttp2-client libnss3-tools)");
	}

	@Test
	void underCiAMissingToolFailsTheTestNamingTheToolAndItsPackage() {
		this.environment.put("CI", "true");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> condition().evaluate("certutil"))
			.withMessage("certutil not found on the PATH (install: apt-get install libnss3-tools); CI=true, so a "
					+ "missing tool fails the test instead of skipping it");
		this.environment.put("CI", "TRUE");
		assertThatExceptionOfType(AssertionFailedError.class).isThrownBy(() -> condition().evaluate("nginx"))
			.withMessageStartingWith("nginx not found on the PATH (install: apt-get install nginx)");
	}

	@Test
	void underCiAToolOnThePathRuns() throws Exception {
		this.environment.put("CI", "true");
		install("nginx");
		assertThat(condition().evaluate("nginx").isDisabled()).isFalse();
	}

	@Test
	void ciOtherThanTrueStillSkips() {
		this.environment.put("CI", "false");
		assertThat(condition().evaluate("curl").isDisabled()).isTrue();
		this.environment.put("CI", "1");
		assertThat(condition().evaluate("curl").isDisabled()).isTrue();
	}

	@Test
	void toolWithoutAKnownPackageIsAMistakeInTheTest() {
		assertThatIllegalArgumentException().isThrownBy(() -> condition().evaluate("curl", "telnet"))
			.withMessageContaining("telnet");
	}

	@Test
	void annotationIsReadFromTheTestMethodOrClass() throws Exception {
		install("openssl");
		assertThat(condition().evaluateExecutionCondition(context(Annotated.class)).isDisabled()).isTrue();
		assertThat(condition().evaluateExecutionCondition(context(Annotated.class.getDeclaredMethod("openssl")))
			.isDisabled()).isFalse();
		assertThat(condition().evaluateExecutionCondition(context(Annotated.class.getDeclaredMethod("h2load")))
			.getReason()).contains("h2load not found on the PATH (install: apt-get install nghttp2-client)");
		assertThat(condition().evaluateExecutionCondition(context(RequiresToolsTests.class)).isDisabled()).isFalse();
	}

	@Test
	void ciRunInstallsThePackageOfEveryTool() throws Exception {
		String ciRun = Files.readString(Path.of("..", ".ci", "run"));
		assertThat(RequiresToolsCondition.DEBIAN_PACKAGES).allSatisfy((tool,
				debianPackage) -> assertThat(ciRun).contains(tool.equals(RequiresToolsCondition.PYTHON3_H2)
						? "/usr/bin/python3 -c 'import h2' 2>/dev/null || need+=(python3-h2)"
						: "command -v " + tool + " >/dev/null || need+=(" + debianPackage + ")"));
	}

	private RequiresToolsCondition condition() {
		return new RequiresToolsCondition(this.environment::get);
	}

	private void install(String tool) throws Exception {
		Path file = Files.writeString(this.bin.resolve(tool), "#!/bin/sh\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static ExtensionContext context(AnnotatedElement element) {
		ExtensionContext context = mock(ExtensionContext.class);
		given(context.getElement()).willReturn(Optional.of(element));
		return context;
	}

	@RequiresTools("curl")
	static final class Annotated {

		@RequiresTools("openssl")
		void openssl() {
		}

		@RequiresTools({ "openssl", "h2load" })
		void h2load() {
		}

	}

}
