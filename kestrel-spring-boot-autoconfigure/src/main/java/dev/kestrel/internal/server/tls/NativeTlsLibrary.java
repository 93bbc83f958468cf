package dev.kestrel.internal.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.ssl.OpenSsl;
import io.netty.util.internal.PlatformDependent;

import dev.kestrel.diagnostics.TlsMessages;
import dev.kestrel.options.TlsEngine;

/**
 * Loads one netty-tcnative library for the whole process, before Netty's {@link OpenSsl}
 * initialises. Both tcnative flavours ship
 * {@code META-INF/native/libnetty_tcnative_<os>_<arch>.so}; with both on the class path
 * Netty refuses to pick one ("multiple resources with different content") and falls back
 * to the JDK. So the starter extracts the chosen flavour's library itself, named as Netty
 * names it, and loads it from this class's class loader (the loader of the tcnative
 * classes, which JNI binds to); {@link OpenSsl} then finds the natives bound and
 * initialises on them. With only one flavour on the class path Netty loads it itself.
 * <p>
 * A library that fails to load (a missing {@code libssl.so.3} or {@code libapr-1.so.0},
 * an OpenSSL too old for the build) leaves nothing behind: the next candidate is tried.
 */
final class NativeTlsLibrary {

	private static final String BORINGSSL_ARTIFACT = "netty-tcnative-boringssl-static";

	private static final String OPENSSL_ARTIFACT = "netty-tcnative-";

	private NativeTlsLibrary() {
	}

	/**
	 * Loads the first candidate that loads.
	 * @param candidates the native engines to try, in order
	 * @param skipped receives why each candidate that did not load was skipped
	 * @return the engine whose library Netty's {@link OpenSsl} now runs on, or
	 * {@code null} when none did
	 */
	static TlsEngine load(List<TlsEngine> candidates, List<String> skipped) {
		if (Boolean.getBoolean("io.netty.handler.ssl.noOpenSsl")) {
			skipped.add(TlsMessages.engineSkipped("OpenSSL/BoringSSL", TlsMessages.openSslDisabled()));
			return null;
		}
		Map<TlsEngine, URL> libraries = libraries();
		if (libraries.size() > 1) {
			for (TlsEngine candidate : candidates) {
				try {
					loadFrom(libraries.get(candidate));
					break;
				}
				catch (UnsatisfiedLinkError | IOException ex) {
					skipped.add(TlsMessages.engineSkipped(name(candidate), reason(ex)));
				}
			}
		}
		else {
			for (TlsEngine candidate : candidates) {
				if (!libraries.containsKey(candidate)) {
					skipped.add(TlsMessages.engineSkipped(name(candidate),
							TlsMessages.notOnClassPath((candidate == TlsEngine.OPENSSL)
									? "io.netty:netty-tcnative:" + classifier() : "io.netty:" + BORINGSSL_ARTIFACT)));
				}
			}
		}
		TlsEngine loaded = loaded();
		if (loaded == null && libraries.size() == 1 && candidates.containsAll(libraries.keySet())) {
			Throwable cause = OpenSsl.unavailabilityCause();
			skipped.add(TlsMessages.engineSkipped(name(libraries.keySet().iterator().next()),
					(cause != null) ? reason(rootCause(cause)) : "unavailable"));
		}
		else if (loaded == null && libraries.size() > 1 && skipped.size() < candidates.size()) {
			skipped.add(TlsMessages.engineSkipped("OpenSSL/BoringSSL", TlsMessages.nettyInitialisedFirst()));
		}
		return loaded;
	}

	/**
	 * @return the engine Netty's {@link OpenSsl} runs on, or {@code null} when it is
	 * unavailable
	 */
	static TlsEngine loaded() {
		if (!OpenSsl.isAvailable()) {
			return null;
		}
		return OpenSsl.versionString().toLowerCase(Locale.ROOT).contains("boringssl") ? TlsEngine.BORINGSSL
				: TlsEngine.OPENSSL;
	}

	static String name(TlsEngine engine) {
		return switch (engine) {
			case OPENSSL -> "OpenSSL";
			case BORINGSSL -> "BoringSSL";
			case JDK -> "JDK";
			case AUTO -> "auto";
		};
	}

	private static Map<TlsEngine, URL> libraries() {
		String resource = "META-INF/native/" + System.mapLibraryName(libraryName());
		Map<TlsEngine, URL> libraries = new EnumMap<>(TlsEngine.class);
		try {
			ClassLoader loader = NativeTlsLibrary.class.getClassLoader();
			for (URL url : Collections.list(loader.getResources(resource))) {
				String location = url.toString();
				if (location.contains(BORINGSSL_ARTIFACT)) {
					libraries.putIfAbsent(TlsEngine.BORINGSSL, url);
				}
				else if (location.contains(OPENSSL_ARTIFACT)) {
					libraries.putIfAbsent(TlsEngine.OPENSSL, url);
				}
			}
		}
		catch (IOException ex) {
			return libraries;
		}
		return libraries;
	}

	private static String libraryName() {
		return "netty_tcnative_" + classifier().replace('-', '_');
	}

	private static String classifier() {
		return PlatformDependent.normalizedOs() + "-" + PlatformDependent.normalizedArch();
	}

	/**
	 * Copies the library to a file whose name starts as Netty's does (tcnative derives
	 * its package prefix from the file name), in Netty's native work directory.
	 */
	private static Path extract(URL library) throws IOException {
		String workdir = System.getProperty("io.netty.native.workdir", System.getProperty("java.io.tmpdir"));
		String fileName = System.mapLibraryName(libraryName());
		int dot = fileName.lastIndexOf('.');
		Path file = Files.createTempFile(Path.of(workdir), fileName.substring(0, dot), fileName.substring(dot));
		try (InputStream in = library.openStream()) {
			Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		}
		return file;
	}

	private static void loadFrom(URL library) throws IOException {
		Path file = extract(library);
		try {
			System.load(file.toString());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		for (Throwable suppressed : failure.getSuppressed()) {
			if (suppressed instanceof UnsatisfiedLinkError) {
				return suppressed;
			}
		}
		return cause;
	}

	static String reason(Throwable failure) {
		String message = String.valueOf(failure.getMessage());
		if (message.contains("libssl.so.3: cannot open") || message.contains("libcrypto.so.3: cannot open")) {
			return TlsMessages.libsslNotFound();
		}
		if (message.contains("libapr-1.so.0: cannot open")) {
			return TlsMessages.libaprNotFound();
		}
		Matcher version = Pattern.compile("version `(OPENSSL_[0-9.]+)' not found").matcher(message);
		if (version.find()) {
			return TlsMessages.opensslTooOld(version.group(1));
		}
		return message;
	}

}
