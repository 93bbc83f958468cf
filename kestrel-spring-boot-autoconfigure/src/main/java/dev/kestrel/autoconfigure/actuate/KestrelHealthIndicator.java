package dev.kestrel.autoconfigure.actuate;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import dev.kestrel.options.HttpsConnectionAdapterOptions;
import dev.kestrel.options.ListenOptions;
import dev.kestrel.options.SniCertificate;

/**
 * The {@code kestrel} health contributor: {@code DOWN} when an endpoint is not bound (or
 * the server is not running); a certificate that expires within the threshold (default 14
 * days) reports the configured status (default {@code UP}) and is listed under
 * {@code expiringCertificates}. Details name endpoints and certificates by their public
 * facts only.
 */
final class KestrelHealthIndicator implements HealthIndicator {

	private final KestrelServers servers;

	private final Duration threshold;

	private final Status expiringStatus;

	private final Clock clock;

	KestrelHealthIndicator(KestrelServers servers, Duration threshold, Status expiringStatus, Clock clock) {
		this.servers = servers;
		this.threshold = threshold;
		this.expiringStatus = expiringStatus;
		this.clock = clock;
	}

	@Override
	public Health health() {
		if (this.servers.server().isEmpty()) {
			return Health.unknown().withDetail("reason", "The web server is not Kestrel's").build();
		}
		Map<String, String> endpoints = new LinkedHashMap<>();
		List<String> unbound = new ArrayList<>();
		List<Map<String, Object>> expiring = new ArrayList<>();
		Instant limit = this.clock.instant().plus(this.threshold);
		for (KestrelServers.Binding binding : this.servers.endpoints()) {
			ListenOptions options = binding.options();
			if (binding.bound() == null) {
				unbound.add(options.getName());
				endpoints.put(options.getName(), "not bound");
			}
			else {
				endpoints.put(options.getName(), binding.bound().displayName());
			}
			certificates(options, (host, certificate) -> {
				if (certificate.getNotAfter().toInstant().isBefore(limit)) {
					expiring.add(expiring(options.getName(), host, certificate));
				}
			});
		}
		Health.Builder builder = unbound.isEmpty() && !endpoints.isEmpty()
				? (expiring.isEmpty() ? Health.up() : Health.status(this.expiringStatus)) : Health.down();
		builder.withDetail("endpoints", endpoints);
		if (!unbound.isEmpty()) {
			builder.withDetail("unbound", unbound);
		}
		if (!expiring.isEmpty()) {
			builder.withDetail("certificateExpiryThreshold", this.threshold.toString());
			builder.withDetail("expiringCertificates", expiring);
		}
		return builder.build();
	}

	private static Map<String, Object> expiring(String endpoint, @Nullable String host, X509Certificate certificate) {
		CertificateDescriptor descriptor = CertificateDescriptor.of(certificate);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("endpoint", endpoint);
		if (host != null) {
			details.put("sni", host);
		}
		details.put("subject", descriptor.subject());
		details.put("thumbprintSha256", descriptor.thumbprintSha256());
		details.put("notAfter", descriptor.notAfter().toString());
		return details;
	}

	/**
	 * Visits the endpoint's certificates that are loaded: its own and its SNI entries'
	 * (entries that load on first use and have not yet are skipped).
	 */
	private static void certificates(ListenOptions options, CertificateVisitor visitor) {
		HttpsConnectionAdapterOptions https = options.getHttpsOptions();
		if (https != null && https.getServerCertificate() != null) {
			visitor.visit(null, https.getServerCertificate().certificate());
		}
		options.getSni().forEach((host, entry) -> {
			SniCertificate certificate = entry.certificate();
			if (certificate != null && !certificate.isDeferred()) {
				visitor.visit(host, certificate.get().certificate());
			}
		});
	}

	@FunctionalInterface
	private interface CertificateVisitor {

		void visit(@Nullable String sniHost, X509Certificate certificate);

	}

}
