package dev.kestrel.internal.server.tls;

import java.lang.reflect.Method;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * What the JDK engine needs beyond Netty's builder to follow {@link TlsPolicy}. Client
 * initiated renegotiation is refused JVM-wide through
 * {@code jdk.tls.rejectClientInitiatedRenegotiation} (a server-side JSSE property, set
 * only when the application did not set it). The key-exchange groups are limited per
 * engine with {@code SSLParameters.setNamedGroups} on Java 20 and later; on Java 17 to 19
 * JSSE only has the JVM-wide {@code jdk.tls.namedGroups}, which the starter leaves to the
 * application (README).
 */
final class JdkTlsDefaults {

	private static final String REJECT_RENEGOTIATION = "jdk.tls.rejectClientInitiatedRenegotiation";

	private static final Method SET_NAMED_GROUPS = namedGroupsSetter();

	private JdkTlsDefaults() {
	}

	/**
	 * Refuses client-initiated renegotiation unless the application chose otherwise; call
	 * before the JVM's first server handshake.
	 */
	static void rejectClientRenegotiation() {
		if (System.getProperty(REJECT_RENEGOTIATION) == null) {
			System.setProperty(REJECT_RENEGOTIATION, "true");
		}
	}

	/**
	 * Limits the groups of a JDK engine where the JDK allows it (Java 20+).
	 * @param engine a JDK engine
	 */
	static void limitGroups(SSLEngine engine) {
		if (SET_NAMED_GROUPS == null) {
			return;
		}
		SSLParameters parameters = engine.getSSLParameters();
		try {
			SET_NAMED_GROUPS.invoke(parameters, (Object) TlsPolicy.GROUPS.toArray(new String[0]));
		}
		catch (ReflectiveOperationException ex) {
			return;
		}
		engine.setSSLParameters(parameters);
	}

	/**
	 * @return whether groups are limited per engine (Java 20+)
	 */
	static boolean limitsGroups() {
		return SET_NAMED_GROUPS != null;
	}

	private static Method namedGroupsSetter() {
		try {
			return SSLParameters.class.getMethod("setNamedGroups", String[].class);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

}
