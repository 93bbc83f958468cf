package dev.kestrel.internal.server.tls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.kestrel.internal.sni.TlsSelection;
import dev.kestrel.internal.sni.TlsSettings;

/**
 * Values built from {@link TlsSettings} on first use (the TLS contexts of one endpoint,
 * TCP or QUIC) and shared by every connection with equal settings:
 * <ul>
 * <li>settings from configuration ({@link TlsSelection#shared()}) keep their value for
 * the life of the server; their number is bounded by the configuration;</li>
 * <li>settings returned by code per connection (certificate selectors, TLS handshake
 * callbacks) are kept in a least-recently-used cache of {@value #DYNAMIC_ENTRIES}
 * entries, so a selector that returns the same certificate again reuses its context, and
 * one that returns a new certificate every time cannot exhaust memory.</li>
 * </ul>
 *
 * @param <C> the kind of value (a TLS context)
 */
final class SelectionCache<C> {

	static final int DYNAMIC_ENTRIES = 256;

	private final Function<TlsSettings, C> builder;

	private final Map<TlsSettings, C> shared = new ConcurrentHashMap<>();

	private final Map<TlsSettings, C> dynamic = new LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<TlsSettings, C> eldest) {
			return size() > DYNAMIC_ENTRIES;
		}

	};

	SelectionCache(Function<TlsSettings, C> builder) {
		this.builder = builder;
	}

	/**
	 * @param selection a connection's selection
	 * @return the value for its settings
	 * @throws RuntimeException when the value cannot be built
	 */
	C get(TlsSelection selection) {
		TlsSettings settings = selection.settings();
		if (selection.shared()) {
			C value = this.shared.get(settings);
			return (value != null) ? value : this.shared.computeIfAbsent(settings, this.builder);
		}
		synchronized (this.dynamic) {
			C value = this.dynamic.get(settings);
			if (value != null) {
				return value;
			}
		}
		C value = this.builder.apply(settings);
		synchronized (this.dynamic) {
			C raced = this.dynamic.putIfAbsent(settings, value);
			return (raced != null) ? raced : value;
		}
	}

	/**
	 * @return how many values were built and are kept
	 */
	int size() {
		synchronized (this.dynamic) {
			return this.shared.size() + this.dynamic.size();
		}
	}

}
