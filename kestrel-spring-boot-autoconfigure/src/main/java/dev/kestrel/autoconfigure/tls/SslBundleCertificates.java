package dev.kestrel.autoconfigure.tls;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

import dev.kestrel.internal.tls.BundleResolver;
import dev.kestrel.certificates.ServerCertificate;

/**
 * Resolves {@code Certificate: { Bundle: name }} against Spring Boot's SSL bundles
 * ({@code spring.ssl.bundle.*}): the key entry named by the bundle's key alias (or the
 * first key entry) with its chain.
 */
public final class SslBundleCertificates implements BundleResolver {

	private final ObjectProvider<SslBundles> bundles;

	/**
	 * @param bundles the application's SSL bundles
	 */
	public SslBundleCertificates(ObjectProvider<SslBundles> bundles) {
		this.bundles = bundles;
	}

	@Override
	public ServerCertificate resolve(String bundleName) {
		SslBundles bundles = this.bundles.getIfAvailable();
		if (bundles == null) {
			return null;
		}
		SslBundle bundle;
		try {
			bundle = bundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			return null;
		}
		KeyStore keyStore = bundle.getStores().getKeyStore();
		if (keyStore == null) {
			return null;
		}
		try {
			String alias = alias(keyStore, bundle.getKey().getAlias());
			if (alias == null) {
				return null;
			}
			Key key = key(keyStore, alias, bundle);
			Certificate[] chain = keyStore.getCertificateChain(alias);
			if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
				return null;
			}
			List<X509Certificate> certificates = new ArrayList<>();
			for (Certificate certificate : chain) {
				certificates.add((X509Certificate) certificate);
			}
			return new ServerCertificate(certificates.get(0), privateKey, certificates.subList(1, certificates.size()));
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	private static String alias(KeyStore keyStore, String alias) throws GeneralSecurityException {
		if (alias != null) {
			return alias;
		}
		for (String candidate : Collections.list(keyStore.aliases())) {
			if (keyStore.isKeyEntry(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static Key key(KeyStore keyStore, String alias, SslBundle bundle) throws GeneralSecurityException {
		List<char[]> passwords = new ArrayList<>();
		if (bundle.getKey().getPassword() != null) {
			passwords.add(bundle.getKey().getPassword().toCharArray());
		}
		if (bundle.getStores().getKeyStorePassword() != null) {
			passwords.add(bundle.getStores().getKeyStorePassword().toCharArray());
		}
		passwords.add(new char[0]);
		GeneralSecurityException last = null;
		for (char[] password : passwords) {
			try {
				return keyStore.getKey(alias, password);
			}
			catch (GeneralSecurityException ex) {
				last = ex;
			}
		}
		throw last;
	}

}
