package dev.kestrel.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Provider;
import java.util.List;

import io.netty.channel.ChannelHandler;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.BindableRuntimeHintsRegistrar;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.core.type.filter.AssignableTypeFilter;

import dev.kestrel.configuration.KestrelProperties;
import dev.kestrel.internal.server.KestrelReactiveWebServerFactory;

/**
 * Hints for what the starter uses reflectively, so that Spring AOT can write them into a
 * native image's metadata. The starter loads no resources of its own; everything else it
 * needs is plain code that AOT processing sees.
 * <ul>
 * <li>{@link KestrelProperties} and its sections: the configuration reader binds them
 * with a {@code Binder} and binds SNI entries with a {@code BeanWrapper}. They are no
 * {@code @ConfigurationProperties} bean, so Spring Boot derives no hints for them
 * itself.</li>
 * <li>{@link KestrelReactiveWebServerFactory}'s constructor: Spring Boot instantiates the
 * factory's class again for a management server on a port of its own.</li>
 * <li>The starter's Netty channel handlers: Netty looks up their methods and
 * {@code @Sharable} reflectively.</li>
 * <li>BouncyCastle, which the starter uses through provider instances of its own: the
 * provider's algorithm tables (its {@code $Mappings} classes, loaded reflectively by its
 * constructor) and the service classes the starter asks it for (the development
 * certificate, PKCS#12 files and stores, encrypted PEM keys), which the JCA instantiates
 * reflectively. The JDK's own providers need no hints.</li>
 * </ul>
 */
final class KestrelRuntimeHints implements RuntimeHintsRegistrar {

	private static final String BASE_PACKAGE = "dev.kestrel";

	private static final String BOUNCY_CASTLE_MAPPINGS = "org/bouncycastle/jcajce/provider/*/*$Mappings.class";

	/**
	 * The services the starter asks its BouncyCastle providers for: type and algorithm.
	 */
	static final List<List<String>> BOUNCY_CASTLE_SERVICES = List.of(
			// The development certificate.
			List.of("CertificateFactory", "X.509"), List.of("Signature", "SHA256withRSA"),
			// PKCS#12 files and certificate stores: the key store, its PBES1, PBES2 and
			// MAC algorithms.
			List.of("KeyStore", "PKCS12"), List.of("Cipher", "PBEWithSHAAnd3-KeyTripleDES-CBC"),
			List.of("Cipher", "PBEWithSHAAnd40BitRC2-CBC"), List.of("SecretKeyFactory", "PBKDF2with8BIT"),
			List.of("Mac", "HmacSHA1"), List.of("Mac", "HmacSHA256"), List.of("Mac", "HmacSHA384"),
			List.of("Mac", "HmacSHA512"), List.of("Mac", "PBEWithHmacSHA1"), List.of("Mac", "PBEWithHmacSHA256"),
			List.of("Mac", "PBEWithHmacSHA384"), List.of("Mac", "PBEWithHmacSHA512"),
			// Encrypted PEM keys: PKCS#8 with PBES2 (PBKDF2 or scrypt, AES or 3DES) and
			// OpenSSL's legacy format.
			List.of("SecretKeyFactory", "PBKDF2WithHmacSHA1"), List.of("SecretKeyFactory", "PBKDF2WithHmacSHA224"),
			List.of("SecretKeyFactory", "PBKDF2WithHmacSHA256"), List.of("SecretKeyFactory", "PBKDF2WithHmacSHA384"),
			List.of("SecretKeyFactory", "PBKDF2WithHmacSHA512"), List.of("SecretKeyFactory", "SCRYPT"),
			List.of("SecretKeyFactory", "PBKDF-OpenSSL"), List.of("Cipher", "2.16.840.1.101.3.4.1.2"),
			List.of("Cipher", "2.16.840.1.101.3.4.1.22"), List.of("Cipher", "2.16.840.1.101.3.4.1.42"),
			List.of("Cipher", "1.2.840.113549.3.7"), List.of("Cipher", "AES"), List.of("Cipher", "DESede"),
			List.of("Cipher", "DES"), List.of("AlgorithmParameters", "AES"), List.of("AlgorithmParameters", "DESede"),
			List.of("AlgorithmParameters", "DES"));

	@Override
	public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
		BindableRuntimeHintsRegistrar.forTypes(KestrelProperties.class).registerHints(hints, classLoader);
		hints.reflection()
			.registerType(KestrelReactiveWebServerFactory.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
		registerChannelHandlers(hints, classLoader);
		registerBouncyCastle(hints, classLoader);
	}

	private void registerChannelHandlers(RuntimeHints hints, ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
		scanner.addIncludeFilter(new AssignableTypeFilter(ChannelHandler.class));
		for (BeanDefinition handler : scanner.findCandidateComponents(BASE_PACKAGE)) {
			hints.reflection().registerType(TypeReference.of(handler.getBeanClassName()));
		}
	}

	private void registerBouncyCastle(RuntimeHints hints, ClassLoader classLoader) {
		try {
			PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(classLoader);
			SimpleMetadataReaderFactory metadata = new SimpleMetadataReaderFactory(resolver);
			for (Resource mappings : resolver.getResources(bouncyCastleJar() + BOUNCY_CASTLE_MAPPINGS)) {
				registerBouncyCastleClass(hints,
						metadata.getMetadataReader(mappings).getClassMetadata().getClassName());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Provider provider = new BouncyCastleProvider();
		for (List<String> service : BOUNCY_CASTLE_SERVICES) {
			Provider.Service implementation = provider.getService(service.get(0), service.get(1));
			if (implementation == null) {
				throw new IllegalStateException("BouncyCastle has no " + service.get(0) + " " + service.get(1));
			}
			registerBouncyCastleClass(hints, implementation.getClassName());
		}
	}

	/**
	 * Returns the root of BouncyCastle's provider jar. A {@code classpath*:} pattern
	 * would not do: the jar is a multi-release jar, and a class loader resolves its
	 * provider package to the versioned directory ({@code META-INF/versions/17/...}),
	 * which holds none of the algorithm tables.
	 */
	private static String bouncyCastleJar() {
		String location = BouncyCastleProvider.class.getProtectionDomain().getCodeSource().getLocation().toString();
		return location.endsWith(".jar") ? "jar:" + location + "!/" : location;
	}

	private void registerBouncyCastleClass(RuntimeHints hints, String className) {
		hints.reflection()
			.registerType(TypeReference.of(className), (type) -> type.onReachableType(BouncyCastleProvider.class)
				.withMembers(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS));
	}

}
