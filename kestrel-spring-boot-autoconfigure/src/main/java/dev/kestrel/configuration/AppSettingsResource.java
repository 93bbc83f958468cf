package dev.kestrel.configuration;

import org.springframework.boot.context.config.ConfigDataResource;
import org.springframework.core.io.Resource;

/**
 * One .NET {@code appsettings*.json} file to import.
 */
final class AppSettingsResource extends ConfigDataResource {

	private final Resource resource;

	AppSettingsResource(Resource resource, boolean optional) {
		super(optional);
		this.resource = resource;
	}

	Resource resource() {
		return this.resource;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AppSettingsResource that && this.resource.equals(that.resource);
	}

	@Override
	public int hashCode() {
		return this.resource.hashCode();
	}

	@Override
	public String toString() {
		return this.resource.getDescription();
	}

}
