package dev.kestrel.internal.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLEngine;

import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import dev.kestrel.diagnostics.TlsMessages;

/**
 * OCSP stapling for the OpenSSL and BoringSSL engines: for each served certificate that
 * names an OCSP responder (its Authority Information Access extension) and whose issuer
 * is in the chain it is sent with, the responder's answer is fetched in the background,
 * checked (signed by the issuer or a responder it delegated to, status {@code good}, not
 * expired), kept until its {@code nextUpdate} and fetched again halfway there (at least
 * every {@link #MAX_REFRESH}). A handshake only reads what is cached
 * ({@link #staple(SSLEngine, X509Certificate)}): it never waits for the responder, and
 * goes on unstapled while there is no valid answer. A responder that fails is logged once
 * (and once more when it answers again) and retried with a growing delay.
 * <p>
 * One per process: responses are per certificate, whichever endpoints serve it. A
 * certificate is forgotten once no TLS context cache that registered it is reachable.
 */
final class OcspStapler {

	private static final Log logger = LogFactory.getLog(OcspStapler.class);

	static final Duration MAX_REFRESH = Duration.ofHours(1);

	static final Duration FIRST_RETRY = Duration.ofSeconds(5);

	static final Duration MAX_RETRY = Duration.ofMinutes(5);

	private static final Duration MIN_REFRESH = Duration.ofSeconds(1);

	private static final Duration WITHOUT_NEXT_UPDATE = Duration.ofHours(1);

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final OcspStapler SHARED = new OcspStapler();

	private final Map<X509Certificate, Entry> entries = new ConcurrentHashMap<>();

	private final Set<X509Certificate> withoutIssuer = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "kestrel-ocsp-stapling");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(TIMEOUT)
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	private OcspStapler() {
	}

	/**
	 * @return the process's stapler
	 */
	static OcspStapler shared() {
		return SHARED;
	}

	/**
	 * Starts stapling a certificate (once per certificate; later calls add an owner).
	 * @param owner the context cache that serves it; stapling stops once no owner is
	 * reachable
	 * @param endpointName the endpoint, for log lines
	 * @param certificate the served certificate
	 * @param chain the certificates sent after it
	 * @return whether the certificate can be stapled: it names an OCSP responder and its
	 * issuer is in the chain
	 */
	boolean register(Object owner, String endpointName, X509Certificate certificate, List<X509Certificate> chain) {
		String url = responderUrl(certificate);
		if (url == null) {
			return false;
		}
		X509Certificate issuer = issuer(certificate, chain);
		if (issuer == null) {
			if (this.withoutIssuer.add(certificate)) {
				logger.warn(TlsMessages.ocspIssuerMissing(endpointName, subject(certificate)));
			}
			return false;
		}
		Entry entry = this.entries.computeIfAbsent(certificate, (key) -> new Entry(endpointName, key, issuer, url));
		// the owner first: a fetch that finds no owner forgets the certificate
		entry.owners.put(owner, Boolean.TRUE);
		if (entry.started.compareAndSet(false, true)) {
			this.scheduler.execute(entry::fetch);
		}
		return true;
	}

	/**
	 * Staples the cached response of a certificate to one connection's engine, if there
	 * is a valid one.
	 * @param engine the connection's engine, from a context built with OCSP enabled
	 * @param certificate the certificate it serves
	 * @return whether a response was stapled
	 */
	boolean staple(SSLEngine engine, X509Certificate certificate) {
		Entry entry = this.entries.get(certificate);
		byte[] response = (entry != null) ? entry.current() : null;
		if (response == null || !(engine instanceof ReferenceCountedOpenSslEngine openSsl)) {
			return false;
		}
		openSsl.setOcspResponse(response);
		return true;
	}

	/**
	 * @param certificate a certificate
	 * @return the {@code http(s)} URL of its OCSP responder, or {@code null}
	 */
	static String responderUrl(X509Certificate certificate) {
		byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
		if (extension == null) {
			return null;
		}
		try {
			AuthorityInformationAccess access = AuthorityInformationAccess
				.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
			for (AccessDescription description : access.getAccessDescriptions()) {
				GeneralName location = description.getAccessLocation();
				if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())
						&& location.getTagNo() == GeneralName.uniformResourceIdentifier) {
					String url = ASN1IA5String.getInstance(location.getName()).getString();
					if (url.startsWith("http://") || url.startsWith("https://")) {
						return url;
					}
				}
			}
			return null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static X509Certificate issuer(X509Certificate certificate, List<X509Certificate> chain) {
		for (X509Certificate candidate : chain) {
			if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
				return candidate;
			}
		}
		return null;
	}

	private static String subject(X509Certificate certificate) {
		return certificate.getSubjectX500Principal().getName();
	}

	/**
	 * One stapled certificate: its current response and its schedule.
	 */
	private final class Entry {

		private final String endpointName;

		private final X509Certificate certificate;

		private final X509Certificate issuer;

		private final String url;

		private final Map<Object, Boolean> owners = Collections.synchronizedMap(new WeakHashMap<>());

		private final AtomicBoolean started = new AtomicBoolean();

		private volatile Response response;

		private boolean failing;

		private Duration retry = FIRST_RETRY;

		Entry(String endpointName, X509Certificate certificate, X509Certificate issuer, String url) {
			this.endpointName = endpointName;
			this.certificate = certificate;
			this.issuer = issuer;
			this.url = url;
		}

		byte[] current() {
			Response current = this.response;
			return (current != null && Instant.now().isBefore(current.nextUpdate())) ? current.encoded() : null;
		}

		/**
		 * Sends one request without blocking the scheduler (a slow responder delays no
		 * other certificate); the answer is handled on the HTTP client's threads.
		 */
		void fetch() {
			if (this.owners.isEmpty()) {
				OcspStapler.this.entries.remove(this.certificate, this);
				return;
			}
			CertificateID id;
			HttpRequest request;
			try {
				id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
						new JcaX509CertificateHolder(this.issuer), this.certificate.getSerialNumber());
				request = HttpRequest.newBuilder(URI.create(this.url))
					.timeout(TIMEOUT)
					.header("Content-Type", "application/ocsp-request")
					.header("Accept", "application/ocsp-response")
					.POST(HttpRequest.BodyPublishers
						.ofByteArray(new OCSPReqBuilder().addRequest(id).build().getEncoded()))
					.build();
			}
			catch (Exception ex) {
				failed(ex);
				return;
			}
			OcspStapler.this.http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
				.whenComplete((answer, failure) -> {
					try {
						if (failure != null) {
							throw (failure.getCause() != null) ? failure.getCause() : failure;
						}
						succeeded(check(answer, id));
					}
					catch (Throwable ex) {
						failed(ex);
					}
				});
		}

		private synchronized void succeeded(Response fetched) {
			this.response = fetched;
			if (this.failing) {
				this.failing = false;
				logger.info(TlsMessages.ocspResponderRecovered(this.endpointName, subject(this.certificate), this.url));
			}
			this.retry = FIRST_RETRY;
			Duration remaining = Duration.between(Instant.now(), fetched.nextUpdate());
			schedule(min(MAX_REFRESH, max(MIN_REFRESH, remaining.dividedBy(2))));
		}

		private synchronized void failed(Throwable ex) {
			String reason = (ex instanceof OCSPException) ? ex.getMessage() : ex.toString();
			if (!this.failing) {
				this.failing = true;
				logger.warn(TlsMessages.ocspResponderFailed(this.endpointName, subject(this.certificate), this.url,
						reason));
			}
			else if (logger.isDebugEnabled()) {
				logger.debug(TlsMessages.ocspResponderFailed(this.endpointName, subject(this.certificate), this.url,
						reason));
			}
			Response current = this.response;
			Duration delay = this.retry;
			if (current != null) {
				Duration untilExpiry = Duration.between(Instant.now(), current.nextUpdate());
				delay = min(delay, max(MIN_REFRESH, untilExpiry.dividedBy(2)));
			}
			this.retry = min(MAX_RETRY, this.retry.multipliedBy(2));
			schedule(delay);
		}

		private void schedule(Duration delay) {
			OcspStapler.this.scheduler.schedule(this::fetch, delay.toMillis(), TimeUnit.MILLISECONDS);
		}

		private Response check(HttpResponse<byte[]> answer, CertificateID id)
				throws IOException, OCSPException, OperatorCreationException, CertificateEncodingException {
			if (answer.statusCode() != 200) {
				throw new OCSPException("HTTP status " + answer.statusCode());
			}
			OCSPResp response = new OCSPResp(answer.body());
			if (response.getStatus() != OCSPResp.SUCCESSFUL) {
				throw new OCSPException("OCSP response status " + response.getStatus());
			}
			BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
			verify(basic);
			SingleResp single = single(basic, this.certificate.getSerialNumber(), id);
			CertificateStatus status = single.getCertStatus();
			if (status != CertificateStatus.GOOD) {
				throw new OCSPException(
						"certificate status " + ((status instanceof RevokedStatus) ? "revoked" : "unknown"));
			}
			Instant now = Instant.now();
			if (single.getThisUpdate().toInstant().isAfter(now.plus(Duration.ofMinutes(5)))) {
				throw new OCSPException(
						"response not valid yet (thisUpdate " + single.getThisUpdate().toInstant() + ")");
			}
			Instant nextUpdate = (single.getNextUpdate() != null) ? single.getNextUpdate().toInstant()
					: now.plus(WITHOUT_NEXT_UPDATE);
			if (!nextUpdate.isAfter(now)) {
				throw new OCSPException("response expired (nextUpdate " + nextUpdate + ")");
			}
			return new Response(response.getEncoded(), nextUpdate);
		}

		private void verify(BasicOCSPResp basic)
				throws OCSPException, OperatorCreationException, CertificateEncodingException {
			JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
			if (basic.isSignatureValid(verifiers.build(this.issuer))) {
				return;
			}
			for (X509CertificateHolder responder : basic.getCerts()) {
				try {
					ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
					if (usage != null && usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)
							&& responder.isValidOn(new Date())
							&& responder.isSignatureValid(verifiers.build(this.issuer.getPublicKey()))
							&& basic.isSignatureValid(verifiers.build(responder))) {
						return;
					}
				}
				catch (org.bouncycastle.cert.CertException | java.security.cert.CertificateException ex) {
					// not this one
				}
			}
			throw new OCSPException("response not signed by the issuer or a responder it delegated to");
		}

		private SingleResp single(BasicOCSPResp basic, BigInteger serial, CertificateID id) throws OCSPException {
			for (SingleResp single : basic.getResponses()) {
				if (single.getCertID().equals(id)) {
					return single;
				}
			}
			throw new OCSPException("no response for serial number " + serial.toString(16));
		}

	}

	private record Response(byte[] encoded, Instant nextUpdate) {
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
