package dev.kestrel.internal.server.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import dev.kestrel.options.ClientCertificateValidator;
import dev.kestrel.options.ClientCertificateValidator.ClientCertificateError;

/**
 * Validates client certificates with Kestrel's semantics: the platform's validation (the
 * JDK's trust store plus the endpoint's {@code clientCertificateAuthorities}, a
 * clientAuth-capable key usage, revocation when asked) produces a set of errors; the
 * endpoint's {@link ClientCertificateValidator} decides, and without one any error
 * rejects. The JDK's trust anchors are read once per process.
 */
final class ClientCertificateTrustManager extends X509ExtendedTrustManager {

	private static final String CLIENT_AUTH_OID = "1.3.6.1.5.5.7.3.2";

	private final KeyStore trustAnchors;

	private final X509Certificate[] acceptedIssuers;

	private final ClientCertificateValidator validator;

	private final boolean checkRevocation;

	ClientCertificateTrustManager(ClientCertificateValidator validator, List<X509Certificate> authorities,
			boolean checkRevocation) {
		this.validator = validator;
		this.checkRevocation = checkRevocation;
		this.acceptedIssuers = authorities.toArray(new X509Certificate[0]);
		this.trustAnchors = trustAnchors(authorities);
	}

	private static KeyStore trustAnchors(List<X509Certificate> authorities) {
		try {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int index = 0;
			for (X509Certificate issuer : PlatformIssuers.ISSUERS) {
				store.setCertificateEntry("platform-" + index++, issuer);
			}
			for (X509Certificate authority : authorities) {
				store.setCertificateEntry("endpoint-" + index++, authority);
			}
			return store;
		}
		catch (GeneralSecurityException | java.io.IOException ex) {
			throw new IllegalStateException("Cannot load the JDK's trust store", ex);
		}
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		if (chain == null || chain.length == 0) {
			throw new CertificateException("No client certificate");
		}
		Set<ClientCertificateError> errors = validate(chain);
		boolean accepted = (this.validator != null) ? this.validator.validate(chain[0], List.of(chain), errors)
				: errors.isEmpty();
		if (!accepted) {
			throw new CertificateException("Client certificate rejected: " + errors);
		}
	}

	private Set<ClientCertificateError> validate(X509Certificate[] chain) {
		Set<ClientCertificateError> errors = EnumSet.noneOf(ClientCertificateError.class);
		if (!allowsClientAuthentication(chain[0])) {
			errors.add(ClientCertificateError.CHAIN_ERRORS);
		}
		try {
			List<X509Certificate> path = new ArrayList<>(Arrays.asList(chain));
			CertPathValidator validator = CertPathValidator.getInstance("PKIX");
			PKIXParameters parameters = new PKIXParameters(this.trustAnchors);
			parameters.setRevocationEnabled(false);
			if (this.checkRevocation) {
				PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
				parameters.addCertPathChecker(revocation);
			}
			validator.validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
		}
		catch (CertPathValidatorException ex) {
			errors
				.add(isRevocationFailure(ex) ? ClientCertificateError.REVOCATION : ClientCertificateError.CHAIN_ERRORS);
		}
		catch (GeneralSecurityException ex) {
			errors.add(ClientCertificateError.CHAIN_ERRORS);
		}
		return errors;
	}

	private static boolean isRevocationFailure(CertPathValidatorException ex) {
		return ex.getReason() == CertPathValidatorException.BasicReason.REVOKED
				|| ex.getReason() == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS;
	}

	private static boolean allowsClientAuthentication(X509Certificate certificate) {
		try {
			List<String> usages = certificate.getExtendedKeyUsage();
			return usages == null || usages.contains(CLIENT_AUTH_OID);
		}
		catch (CertificateParsingException ex) {
			return false;
		}
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkClientTrusted(chain, authType);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		throw new CertificateException("Server certificates are not validated by a server");
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		checkServerTrusted(chain, authType);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.acceptedIssuers.clone();
	}

	/**
	 * The JDK's trusted authorities, read on first use.
	 */
	private static final class PlatformIssuers {

		static final List<X509Certificate> ISSUERS = load();

		private static List<X509Certificate> load() {
			try {
				TrustManagerFactory factory = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init((KeyStore) null);
				List<X509Certificate> issuers = new ArrayList<>();
				for (var trustManager : factory.getTrustManagers()) {
					if (trustManager instanceof X509TrustManager x509) {
						issuers.addAll(Arrays.asList(x509.getAcceptedIssuers()));
					}
				}
				return List.copyOf(issuers);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot load the JDK's trust store", ex);
			}
		}

	}

}
