package dev.kestrel.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds the SNI sections written as empty maps in YAML ({@code "*": {}}), Kestrel's usual way to write a catch-all
 * with the endpoint's settings. Spring flattens YAML into property names and an empty map leaves none, so the section
 * would vanish; this re-reads the YAML document a property source came from and reports such sections. Sections
 * written with no value ({@code "*":}) or {@code ""} do leave a property and need no help.
 */
final class YamlSniSections {

	private static final boolean YAML_PRESENT = ClassUtils.isPresent("org.yaml.snakeyaml.Yaml",
			YamlSniSections.class.getClassLoader());

	private static final Pattern DOCUMENT = Pattern.compile("\\(document #(\\d+)\\)$");

	private YamlSniSections() {
	}

	/**
	 * @param source a property source
	 * @param others every property source, to find the file of a YAML document that left no property at all (its
	 * siblings from the same file name it)
	 * @return the endpoint name and host of each empty SNI section of the YAML document behind the source (empty for
	 * other sources)
	 */
	static List<String[]> emptySections(EnumerablePropertySource<?> source, List<EnumerablePropertySource<?>> others) {
		if (!YAML_PRESENT) {
			return List.of();
		}
		Matcher matcher = DOCUMENT.matcher(source.getName());
		boolean numbered = matcher.find();
		int document = numbered ? Integer.parseInt(matcher.group(1)) : 0;
		Resource resource = yamlResource(source);
		if (resource == null && numbered && source.getPropertyNames().length == 0) {
			String file = source.getName().substring(0, matcher.start());
			for (EnumerablePropertySource<?> other : others) {
				if (other != source && other.getName().startsWith(file) && resource == null) {
					resource = yamlResource(other);
				}
			}
		}
		if (resource == null) {
			return List.of();
		}
		Object root = document(resource, document);
		List<String[]> sections = new ArrayList<>();
		Map<?, ?> endpoints = child(child(root, "kestrel"), "endpoints");
		if (endpoints != null) {
			endpoints.forEach((endpoint, section) -> {
				Map<?, ?> sni = child(section, "sni");
				if (sni != null) {
					sni.forEach((host, entry) -> {
						if (entry instanceof Map<?, ?> map && map.isEmpty()) {
							sections.add(new String[] { String.valueOf(endpoint), unbracket(String.valueOf(host)) });
						}
					});
				}
			});
		}
		return sections;
	}

	private static Resource yamlResource(EnumerablePropertySource<?> source) {
		if (!(source instanceof OriginLookup<?>) || source.getPropertyNames().length == 0) {
			return null;
		}
		@SuppressWarnings("unchecked")
		OriginLookup<String> lookup = (OriginLookup<String>) source;
		Origin origin = lookup.getOrigin(source.getPropertyNames()[0]);
		while (origin != null && !(origin instanceof TextResourceOrigin)) {
			origin = origin.getParent();
		}
		if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
			String name = String.valueOf(text.getResource().getFilename()).toLowerCase(java.util.Locale.ROOT);
			if (name.endsWith(".yml") || name.endsWith(".yaml")) {
				return text.getResource();
			}
		}
		return null;
	}

	private static Object document(Resource resource, int index) {
		try (InputStream input = resource.getInputStream()) {
			int current = 0;
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(input)) {
				if (document == null) {
					continue;
				}
				if (current++ == index) {
					return document;
				}
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static Map<?, ?> child(Object section, String name) {
		if (!(section instanceof Map<?, ?> map)) {
			return null;
		}
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (EndpointNames.uniform(unbracket(String.valueOf(entry.getKey()))).equals(name)
					&& entry.getValue() instanceof Map<?, ?> child) {
				return child;
			}
		}
		return null;
	}

	private static String unbracket(String key) {
		return (key.length() >= 2 && key.startsWith("[") && key.endsWith("]")) ? key.substring(1, key.length() - 1)
				: key;
	}

}
