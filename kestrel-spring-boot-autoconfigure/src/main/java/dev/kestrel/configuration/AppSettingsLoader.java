package dev.kestrel.configuration;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.core.env.MapPropertySource;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a .NET {@code appsettings*.json} file as one property source: JSON with comments
 * and trailing commas, as .NET reads it. Every section keeps its name and case
 * ({@code Kestrel.Endpoints.Http.Url}, {@code urls}, {@code AllowedHosts},
 * {@code Logging.LogLevel.Default}); array items are {@code [0]}, {@code [1]}, ...;
 * {@code null} values are left out.
 */
public final class AppSettingsLoader implements ConfigDataLoader<AppSettingsResource> {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
		.build();

	@Override
	public ConfigData load(ConfigDataLoaderContext context, AppSettingsResource resource) throws IOException {
		JsonNode root;
		try (InputStream in = resource.resource().getInputStream()) {
			root = JSON.readTree(in);
		}
		catch (RuntimeException ex) {
			throw new IOException("Could not read " + resource + ": " + ex.getMessage(), ex);
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		flatten("", root, properties);
		return new ConfigData(List.of(new MapPropertySource("appsettings [" + resource + "]", properties)));
	}

	static void flatten(String prefix, JsonNode node, Map<String, Object> into) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return;
		}
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), into);
			}
		}
		else if (node.isArray()) {
			int i = 0;
			for (JsonNode item : node.values()) {
				flatten(prefix + "[" + i++ + "]", item, into);
			}
		}
		else if (!prefix.isEmpty()) {
			into.put(prefix, node.asString());
		}
	}

}
