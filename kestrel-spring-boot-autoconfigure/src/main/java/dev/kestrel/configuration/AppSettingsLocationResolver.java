package dev.kestrel.configuration;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.config.ConfigDataLocation;
import org.springframework.boot.context.config.ConfigDataLocationResolver;
import org.springframework.boot.context.config.ConfigDataLocationResolverContext;
import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;
import org.springframework.boot.context.config.Profiles;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Resolves {@code spring.config.import=optional:file:./appsettings.json} (or
 * {@code classpath:appsettings.json}, any location whose file name is
 * {@code appsettings.json}) to the file and, as .NET does, the
 * {@code appsettings.{Environment}.json} next to it, which overrides it: Environment is
 * {@code ASPNETCORE_ENVIRONMENT} or {@code DOTNET_ENVIRONMENT} when set, else each active
 * Spring profile. Environment files are optional.
 */
public final class AppSettingsLocationResolver implements ConfigDataLocationResolver<AppSettingsResource> {

	static final String FILE_NAME = "appsettings.json";

	private final ResourceLoader resourceLoader;

	/**
	 * Created by Spring Boot.
	 * @param resourceLoader the application's resource loader
	 */
	public AppSettingsLocationResolver(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public boolean isResolvable(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		String value = location.getValue();
		return value.equals(FILE_NAME) || value.endsWith("/" + FILE_NAME) || value.endsWith(":" + FILE_NAME);
	}

	@Override
	public List<AppSettingsResource> resolve(ConfigDataLocationResolverContext context, ConfigDataLocation location) {
		Resource resource = this.resourceLoader.getResource(location.getValue());
		if (!resource.exists()) {
			throw new ConfigDataResourceNotFoundException(new AppSettingsResource(resource, false));
		}
		List<AppSettingsResource> resources = new ArrayList<>();
		resources.add(new AppSettingsResource(resource, false));
		String environment = dotnetEnvironment(context);
		if (environment != null) {
			environmentFile(location, environment, resources);
		}
		return resources;
	}

	@Override
	public List<AppSettingsResource> resolveProfileSpecific(ConfigDataLocationResolverContext context,
			ConfigDataLocation location, Profiles profiles) {
		if (dotnetEnvironment(context) != null) {
			return List.of();
		}
		List<AppSettingsResource> resources = new ArrayList<>();
		for (String profile : profiles.getActive()) {
			environmentFile(location, profile, resources);
		}
		return resources;
	}

	private void environmentFile(ConfigDataLocation location, String environment, List<AppSettingsResource> into) {
		String value = location.getValue();
		String path = value.substring(0, value.length() - FILE_NAME.length()) + "appsettings." + environment + ".json";
		Resource resource = this.resourceLoader.getResource(path);
		if (resource.exists()) {
			into.add(new AppSettingsResource(resource, true));
		}
	}

	private static String dotnetEnvironment(ConfigDataLocationResolverContext context) {
		// the variables ASPNETCORE_ENVIRONMENT and DOTNET_ENVIRONMENT, as Spring names
		// them
		for (String name : new String[] { "aspnetcore.environment", "dotnet.environment" }) {
			String value = context.getBinder().bind(name, String.class).orElse(null);
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		return null;
	}

}
