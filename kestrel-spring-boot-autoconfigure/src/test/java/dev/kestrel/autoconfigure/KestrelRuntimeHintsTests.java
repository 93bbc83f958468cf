package dev.kestrel.autoconfigure;

import java.beans.PropertyDescriptor;
import java.security.Provider;
import java.util.List;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.ImportRuntimeHints;

import dev.kestrel.configuration.KestrelProperties;
import dev.kestrel.internal.server.KestrelReactiveWebServerFactory;
import dev.kestrel.internal.server.tls.QuicHandshakes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link KestrelRuntimeHints}.
 */
class KestrelRuntimeHintsTests {

	private static final List<Class<?>> SCHEMA = List.of(KestrelProperties.class, KestrelProperties.Endpoint.class,
			KestrelProperties.Sni.class, KestrelProperties.EndpointDefaults.class, KestrelProperties.Certificate.class,
			KestrelProperties.DevelopmentCertificate.class);

	private final RuntimeHints hints = hints();

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void theAutoConfigurationContributesTheHints() {
		assertThat(KestrelAutoConfiguration.class.getAnnotation(ImportRuntimeHints.class).value())
			.containsExactly(KestrelRuntimeHints.class);
	}

	@Test
	void kestrelPropertiesCanBeBoundReflectively() throws Exception {
		for (Class<?> section : SCHEMA) {
			assertThat(this.reflection.onConstructorInvocation(section.getDeclaredConstructor())).as(section.getName())
				.accepts(this.hints);
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(section)) {
				if (property.getWriteMethod() != null) {
					assertThat(this.reflection.onMethodInvocation(property.getWriteMethod()))
						.as(section.getSimpleName() + "." + property.getName())
						.accepts(this.hints);
					assertThat(this.reflection.onMethodInvocation(property.getReadMethod()))
						.as(section.getSimpleName() + "." + property.getName())
						.accepts(this.hints);
				}
			}
		}
	}

	@Test
	void sniEntriesCanBeWrittenThroughABeanWrapper() {
		assertThat(this.reflection.onMethodInvocation(KestrelProperties.Sni.class, "setSslProtocols"))
			.accepts(this.hints);
		assertThat(this.reflection.onMethodInvocation(KestrelProperties.Sni.class, "setCertificate"))
			.accepts(this.hints);
		assertThat(this.reflection.onMethodInvocation(KestrelProperties.Certificate.class, "setKeyPath"))
			.accepts(this.hints);
	}

	@Test
	void theWebServerFactoryCanBeInstantiatedAgainForAManagementServer() throws Exception {
		assertThat(this.reflection.onConstructorInvocation(KestrelReactiveWebServerFactory.class.getConstructor()))
			.accepts(this.hints);
	}

	@Test
	void nettyCanIntrospectTheStartersChannelHandlers() {
		assertThat(this.reflection.onType(QuicHandshakes.class)).accepts(this.hints);
		for (String handler : List.of("dev.kestrel.internal.server.tls.KestrelTlsHandler",
				"dev.kestrel.internal.server.tls.TlsHandshakeRecorder",
				"dev.kestrel.internal.server.protocols.Http2TlsPolicyHandler",
				"dev.kestrel.internal.server.protocols.Http1OnHttp2OnlyEndpointHandler")) {
			assertThat(this.hints.reflection().getTypeHint(TypeReference.of(handler))).as(handler).isNotNull();
		}
	}

	@Test
	void bouncyCastleCanLoadItsAlgorithmTables() throws Exception {
		assertThat(this.hints.reflection().typeHints().filter((hint) -> hint.getType().getName().endsWith("$Mappings")))
			.hasSizeGreaterThan(100);
		for (String mappings : List.of("asymmetric.RSA", "asymmetric.EC", "asymmetric.X509", "keystore.PKCS12",
				"symmetric.AES", "symmetric.DESede", "symmetric.PBEPBKDF2", "symmetric.SCRYPT", "digest.SHA256")) {
			Class<?> type = Class.forName("org.bouncycastle.jcajce.provider." + mappings + "$Mappings");
			assertThat(this.reflection.onConstructorInvocation(type.getConstructor())).as(mappings).accepts(this.hints);
		}
	}

	@Test
	void bouncyCastleCanInstantiateTheServicesTheStarterAsksFor() throws Exception {
		Provider provider = new BouncyCastleProvider();
		for (List<String> service : KestrelRuntimeHints.BOUNCY_CASTLE_SERVICES) {
			Class<?> type = Class.forName(provider.getService(service.get(0), service.get(1)).getClassName());
			assertThat(this.reflection.onConstructorInvocation(type.getConstructor())).as(service.toString())
				.accepts(this.hints);
		}
	}

	private static RuntimeHints hints() {
		RuntimeHints hints = new RuntimeHints();
		new KestrelRuntimeHints().registerHints(hints, KestrelRuntimeHintsTests.class.getClassLoader());
		return hints;
	}

}
