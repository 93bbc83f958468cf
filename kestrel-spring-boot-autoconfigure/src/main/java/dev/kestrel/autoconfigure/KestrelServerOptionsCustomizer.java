package dev.kestrel.autoconfigure;

import dev.kestrel.options.KestrelServerOptions;

/**
 * Declares or supplements endpoints in code. Beans of this type run in {@code @Order}
 * after the configuration has been attached, so code sees {@code EndpointDefaults} and
 * can call {@code options.configure().endpoint(name, ...)}.
 *
 * <pre class="code">
 * &#64;Bean
 * KestrelServerOptionsCustomizer adminEndpoint() {
 *     return (options) -&gt; options.listenLocalhost(9000, (listen) -&gt; listen.name("admin"));
 * }
 * </pre>
 */
@FunctionalInterface
public interface KestrelServerOptionsCustomizer {

	/**
	 * Customizes the server options.
	 * @param options the options
	 */
	void customize(KestrelServerOptions options);

}
