package dev.kestrel.devcerts;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.kestrel.devcerts.export.DevelopmentCertificateExport;
import dev.kestrel.devcerts.trust.DevelopmentCertificateTrust;
import dev.kestrel.devcerts.trust.TrustLevel;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificate;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificateException;
import dev.kestrel.internal.tls.devcert.DevelopmentCertificates;
import dev.kestrel.internal.tls.store.CertificateStore;
import dev.kestrel.internal.tls.store.CertificateStoreException;
import dev.kestrel.internal.tls.store.StoredCertificate;

import static java.util.Objects.requireNonNull;

/**
 * {@code kestrel-dev-certs https [options]}: the behaviour of
 * {@code dotnet dev-certs https} on Linux, run in process so that tests can give it their
 * own environment, home directory and clock.
 * <p>
 * Every location comes from the environment and the home directory given here: the
 * CurrentUser stores ({@code KESTREL_X509STORES_CURRENT_USER}, else
 * {@code $HOME/.dotnet/corefx/cryptography/x509stores}), the OpenSSL trust folder and the
 * NSS databases (see {@link DevelopmentCertificateTrust}).
 */
public final class DevCertsCommand {

	private final Map<String, String> environment;

	private final Path home;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * Creates a command.
	 * @param environment the environment variables
	 * @param home the user's home directory
	 * @param clock the clock that gives "now"
	 * @param out standard output
	 * @param err standard error
	 */
	public DevCertsCommand(Map<String, String> environment, Path home, Clock clock, PrintStream out, PrintStream err) {
		this.environment = Map.copyOf(requireNonNull(environment, "environment"));
		this.home = requireNonNull(home, "home");
		this.clock = requireNonNull(clock, "clock");
		this.out = requireNonNull(out, "out");
		this.err = requireNonNull(err, "err");
	}

	/**
	 * Runs the command.
	 * @param arguments the command-line arguments, starting with {@code https}
	 * @return the exit code (see {@link ExitCodes})
	 */
	public int run(String... arguments) {
		DevCertsArguments parsed;
		try {
			parsed = DevCertsArguments.parse(Arrays.asList(arguments));
		}
		catch (DevCertsArguments.InvalidArgumentsException ex) {
			this.err.println(ex.getMessage());
			return ExitCodes.CRITICAL_ERROR;
		}
		if (parsed.help()) {
			this.out.println(DevCertsMessages.help());
			return ExitCodes.SUCCESS;
		}
		ConsoleReporter reporter = new ConsoleReporter(this.out, this.err, parsed.verbose(), parsed.quiet());
		if (!isValidCombination(parsed)) {
			reporter.error(DevCertsMessages.invalidUsage());
			return ExitCodes.CRITICAL_ERROR;
		}
		try {
			CertificateStore my = CertificateStore.open(CertificateStore.currentUserRoot(this.environment, this.home),
					CertificateStore.MY, reporter::warn);
			if (parsed.check()) {
				return check(parsed, my, reporter);
			}
			if (parsed.clean()) {
				int cleaned = clean(my, reporter);
				return (cleaned != ExitCodes.SUCCESS || parsed.importPath() == null) ? cleaned
						: importCertificate(parsed, my, reporter);
			}
			return ensure(parsed, my, reporter);
		}
		catch (RuntimeException ex) {
			reporter.error(DevCertsMessages.unexpectedError(String.valueOf(ex.getMessage())));
			return ExitCodes.CRITICAL_ERROR;
		}
	}

	private static boolean isValidCombination(DevCertsArguments arguments) {
		boolean hasExport = arguments.exportPath() != null;
		boolean hasPassword = arguments.password() != null;
		boolean hasImport = arguments.importPath() != null;
		boolean hasFormat = arguments.format() != null;
		if (arguments.clean() && (hasExport || arguments.trust() || hasFormat || arguments.noPassword()
				|| arguments.check() || (!hasImport && hasPassword) || (hasImport && !hasPassword))) {
			return false;
		}
		if (arguments.check() && (hasExport || hasPassword || arguments.noPassword() || arguments.clean() || hasFormat
				|| hasImport)) {
			return false;
		}
		if (!arguments.clean() && !arguments.check()) {
			if (hasPassword && arguments.noPassword()) {
				return false;
			}
			if (arguments.noPassword() && !(hasFormat && arguments.format().trim().equalsIgnoreCase("PEM"))) {
				return false;
			}
			return !hasImport;
		}
		return true;
	}

	private int ensure(DevCertsArguments arguments, CertificateStore my, ConsoleReporter reporter) {
		if (arguments.trust()) {
			reporter.warn(DevCertsMessages.trustRequested());
		}
		DevelopmentCertificateExport.Format format = DevelopmentCertificateExport.Format.PFX;
		if (arguments.format() != null) {
			Optional<DevelopmentCertificateExport.Format> parsed = DevelopmentCertificateExport.Format
				.parse(arguments.format());
			if (parsed.isEmpty()) {
				reporter.error(DevCertsMessages.unknownKeyFormat(arguments.format()));
				return ExitCodes.INVALID_KEY_EXPORT_FORMAT;
			}
			format = parsed.get();
		}
		DevelopmentCertificates.EnsureResult result;
		try {
			result = DevelopmentCertificates.ensureCreated(my, this.clock, DevelopmentCertificate.CURRENT_VERSION);
		}
		catch (CertificateStoreException ex) {
			reporter.verbose(ex.getMessage());
			reporter.error(DevCertsMessages.errorSaving());
			return ExitCodes.ERROR_SAVING;
		}
		catch (DevelopmentCertificateException ex) {
			reporter.verbose(ex.getMessage());
			reporter.error(DevCertsMessages.errorCreating());
			return ExitCodes.ERROR_CREATING;
		}
		StoredCertificate certificate = result.certificate();
		if (arguments.exportPath() != null) {
			boolean includeKey = arguments.password() != null
					|| (arguments.noPassword() && format == DevelopmentCertificateExport.Format.PEM);
			char[] password = (arguments.password() != null) ? arguments.password().toCharArray() : null;
			try {
				DevelopmentCertificateExport.export(certificate.certificate(),
						includeKey ? certificate.privateKey() : null, Path.of(arguments.exportPath()), format,
						password);
			}
			catch (DevelopmentCertificateException ex) {
				reporter.error(ex.getProblem().description());
				reporter.verbose(ex.getProblem().action());
				reporter.warn(DevCertsMessages.errorExporting());
				return ExitCodes.ERROR_EXPORTING;
			}
			finally {
				if (password != null) {
					Arrays.fill(password, '\0');
				}
			}
		}
		if (arguments.trust()) {
			TrustLevel level = trust(reporter).trust(certificate.certificate());
			if (level == TrustLevel.FULL) {
				reporter.output(result.created() ? DevCertsMessages.newTrusted() : DevCertsMessages.existingTrusted());
				return ExitCodes.SUCCESS;
			}
			reporter.warn((level == TrustLevel.PARTIAL) ? DevCertsMessages.trustPartiallyFailed()
					: DevCertsMessages.trustFailed());
			return ExitCodes.ERROR_TRUSTING;
		}
		reporter.output(result.created() ? DevCertsMessages.generated() : DevCertsMessages.alreadyPresent());
		if (arguments.exportPath() != null) {
			reporter.verbose(DevCertsMessages.exported(Path.of(arguments.exportPath()).toAbsolutePath().toString()));
		}
		return ExitCodes.SUCCESS;
	}

	private int check(DevCertsArguments arguments, CertificateStore my, ConsoleReporter reporter) {
		List<StoredCertificate> valid = DevelopmentCertificates.findValid(my, this.clock);
		if (valid.isEmpty()) {
			reporter.output(DevCertsMessages.noValidCertificate());
			return ExitCodes.NO_VALID_CERTIFICATE;
		}
		if (!arguments.trust()) {
			reporter.output(DevCertsMessages.found("valid", describe(valid)));
			reporter.output(DevCertsMessages.checkTrustHint());
			return ExitCodes.SUCCESS;
		}
		DevelopmentCertificateTrust trust = trust(reporter);
		List<StoredCertificate> trusted = valid.stream()
			.filter((stored) -> trust.trustLevel(stored.certificate()) == TrustLevel.FULL)
			.toList();
		if (trusted.isEmpty()) {
			reporter.output(DevCertsMessages.noneTrusted(String.join(System.lineSeparator(), describe(valid))));
			if (!reporter.isVerbose()) {
				reporter.output(DevCertsMessages.runWithVerbose());
			}
			return ExitCodes.CERTIFICATE_NOT_TRUSTED;
		}
		reporter.output(DevCertsMessages.found("trusted", describe(trusted)));
		return ExitCodes.SUCCESS;
	}

	private int clean(CertificateStore my, ConsoleReporter reporter) {
		reporter.output(DevCertsMessages.cleaning());
		DevelopmentCertificateCleanup.Result result;
		try {
			result = DevelopmentCertificateCleanup.clean(my, trust(reporter));
		}
		catch (RuntimeException ex) {
			reporter.error(DevCertsMessages.cleanFailed());
			reporter.error(String.valueOf(ex.getMessage()));
			return ExitCodes.ERROR_CLEANING;
		}
		if (!result.isComplete()) {
			reporter.error(DevCertsMessages.cleanFailed());
			result.failed().forEach((thumbprint) -> reporter.error(DevCertsMessages.removeFailed(thumbprint)));
			return ExitCodes.ERROR_CLEANING;
		}
		reporter.output(DevCertsMessages.cleaned());
		return ExitCodes.SUCCESS;
	}

	private int importCertificate(DevCertsArguments arguments, CertificateStore my, ConsoleReporter reporter) {
		String path = arguments.importPath();
		char[] password = arguments.password().toCharArray();
		try {
			DevelopmentCertificateImport.Result result = DevelopmentCertificateImport.importCertificate(my,
					Path.of(path), password);
			return switch (result) {
				case IMPORTED -> {
					reporter.output(DevCertsMessages.imported());
					yield ExitCodes.SUCCESS;
				}
				case FILE_MISSING -> {
					reporter.error(DevCertsMessages.importFileMissing(path));
					yield ExitCodes.MISSING_CERTIFICATE_FILE;
				}
				case INVALID_CERTIFICATE -> {
					reporter.error(DevCertsMessages.importInvalid(path));
					yield ExitCodes.FAILED_TO_LOAD_CERTIFICATE;
				}
				case NOT_A_DEVELOPMENT_CERTIFICATE -> {
					reporter.error(DevCertsMessages.importNotDevelopmentCertificate(path));
					yield ExitCodes.NO_DEVELOPMENT_HTTPS_CERTIFICATE;
				}
				case EXISTING_CERTIFICATES_PRESENT -> {
					reporter.error(DevCertsMessages.importExistingCertificates());
					yield ExitCodes.EXISTING_CERTIFICATES_PRESENT;
				}
			};
		}
		catch (CertificateStoreException ex) {
			reporter.verbose(ex.getMessage());
			reporter.error(DevCertsMessages.errorSaving());
			return ExitCodes.ERROR_SAVING;
		}
		catch (RuntimeException ex) {
			reporter.error(DevCertsMessages.unexpectedError(String.valueOf(ex.getMessage())));
			return ExitCodes.ERROR_IMPORTING;
		}
		finally {
			Arrays.fill(password, '\0');
		}
	}

	private DevelopmentCertificateTrust trust(ConsoleReporter reporter) {
		return DevelopmentCertificateTrust.forCurrentUser(this.environment, this.home, reporter);
	}

	private static List<String> describe(List<StoredCertificate> certificates) {
		return certificates.stream().map((stored) -> describe(stored.certificate(), stored.thumbprint())).toList();
	}

	private static String describe(X509Certificate certificate, String thumbprint) {
		return DevCertsMessages.certificateDescription(thumbprint, certificate.getSubjectX500Principal().getName(),
				certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
				DevelopmentCertificate.isDevelopmentCertificate(certificate));
	}

}
