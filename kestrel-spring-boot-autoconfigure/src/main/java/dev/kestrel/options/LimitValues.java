package dev.kestrel.options;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The values one level of limits sets explicitly (server, endpoint or SNI entry), over
 * the level it inherits from: a value not set here is the parent's, and at the top
 * Kestrel's default. A value may be set to {@code null} (unlimited or off), which is
 * different from not set.
 */
final class LimitValues {

	private static final Supplier<LimitValues> NO_PARENT = () -> null;

	private final Map<String, Object> own = new HashMap<>();

	private final Map<String, String> origins = new HashMap<>();

	private final Supplier<LimitValues> parent;

	LimitValues(Supplier<LimitValues> parent) {
		this.parent = (parent != null) ? parent : NO_PARENT;
	}

	@SuppressWarnings("unchecked")
	<T> T get(String name, T defaultValue) {
		if (this.own.containsKey(name)) {
			return (T) this.own.get(name);
		}
		LimitValues inherited = this.parent.get();
		return (inherited != null) ? inherited.get(name, defaultValue) : defaultValue;
	}

	void set(String name, Object value) {
		this.own.put(name, value);
	}

	boolean isSetHere(String name) {
		return this.own.containsKey(name);
	}

	void origin(String name, String configurationKey) {
		this.origins.put(name, configurationKey);
	}

	/**
	 * @return the configuration key that set the effective value, or {@code null} when
	 * code set it or it is the default
	 */
	String origin(String name) {
		if (this.own.containsKey(name)) {
			return this.origins.get(name);
		}
		LimitValues inherited = this.parent.get();
		return (inherited != null) ? inherited.origin(name) : null;
	}

}
