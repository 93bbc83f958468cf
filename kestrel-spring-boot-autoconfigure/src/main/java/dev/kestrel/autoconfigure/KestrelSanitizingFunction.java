package dev.kestrel.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the starter's passwords in Actuator's {@code /env} and {@code /configprops},
 * whatever {@code management.endpoint.env.show-values} says: every key of the
 * {@code Kestrel} section (in any spelling:
 * {@code Kestrel.Endpoints.Https.Certificate.Password},
 * {@code KESTREL_ENDPOINTS_HTTPS_CERTIFICATE_PASSWORD},
 * {@code Kestrel__Certificates__Default__Password}) whose last element is
 * {@code Password}. Spring Boot 4's own sanitizer masks nothing by key.
 */
final class KestrelSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		return isPassword(data.getKey()) ? data.withSanitizedValue() : data;
	}

	/**
	 * @param key a property name in any spelling
	 * @return whether it names a password of the {@code Kestrel} section
	 */
	static boolean isPassword(String key) {
		String lower = key.toLowerCase(Locale.ROOT);
		return lower.contains("kestrel") && lower.endsWith("password");
	}

}
