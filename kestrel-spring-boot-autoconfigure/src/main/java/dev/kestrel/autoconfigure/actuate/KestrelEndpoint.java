package dev.kestrel.autoconfigure.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code kestrel} Actuator endpoint ({@code /actuator/kestrel}): every endpoint with
 * its name, source, configured and bound addresses, protocols, TLS settings (engine,
 * versions, client-certificate mode, SNI hosts, certificates) and the limits in force.
 * Certificates show only public facts (subject, issuer, SANs, serial, SHA-256 thumbprint,
 * validity): never a password, key, path or file content.
 */
@Endpoint(id = "kestrel")
public class KestrelEndpoint {

	private final KestrelServers servers;

	KestrelEndpoint(KestrelServers servers) {
		this.servers = servers;
	}

	/**
	 * @return the endpoints
	 */
	@ReadOperation
	public KestrelDescriptor kestrel() {
		return new KestrelDescriptor(this.servers.endpoints()
			.stream()
			.map((binding) -> EndpointDescriptor.of(binding.options(), binding.bound()))
			.toList());
	}

	/**
	 * The endpoint's response.
	 *
	 * @param endpoints every endpoint, in binding order
	 */
	public record KestrelDescriptor(List<EndpointDescriptor> endpoints) implements OperationResponseBody {

	}

}
