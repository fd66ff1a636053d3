package com.lagrello.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata that IDEs show is generated, complete, and matches the
 * configuration reference in {@code docs/configuration.md}.
 */
class ConfigurationMetadataTests {

	/** Properties that have no default, on purpose. */
	private static final Set<String> WITHOUT_DEFAULT = Set.of("lagrello.access-token", "lagrello.ssl.bundle",
			"lagrello.proxy.host", "lagrello.proxy.port", "lagrello.proxy.username", "lagrello.proxy.password",
			"lagrello.proxy.non-proxy-hosts");

	@Test
	void everyPropertyHasADescriptionInTheHouseStyle() throws IOException {
		assertThat(properties()).isNotEmpty().allSatisfy((name, property) -> {
			String description = property.path("description").asString("");
			assertThat(description).as(name).isNotBlank().doesNotStartWith("The ").doesNotStartWith("A ").endsWith(".");
			if (property.path("type").asString("").equals("java.lang.Boolean")) {
				assertThat(description).as(name).startsWith("Whether");
			}
		});
	}

	@Test
	void everyPropertyWithADefaultDeclaresIt() throws IOException {
		properties().forEach((name, property) -> {
			if (!WITHOUT_DEFAULT.contains(name)) {
				assertThat(property.has("defaultValue")).as(name + " has a default in the metadata").isTrue();
			}
		});
	}

	@Test
	void theConfigurationReferenceListsEveryPropertyWithItsDefault() throws IOException {
		Map<String, String> documented = new LinkedHashMap<>();
		Matcher row = Pattern.compile("^\\| `([a-z.-]+)` \\| (.+?) \\| .+ \\|$", Pattern.MULTILINE)
			.matcher(Files.readString(Path.of("../docs/configuration.md")));
		while (row.find()) {
			documented.put(row.group(1), row.group(2));
		}
		Map<String, String> generated = new LinkedHashMap<>();
		properties().forEach((name, property) -> generated.put(name,
				property.has("defaultValue") ? "`" + property.get("defaultValue").asString() + "`" : "(none)"));
		assertThat(documented).isEqualTo(generated);
	}

	private static Map<String, JsonNode> properties() throws IOException {
		Map<String, JsonNode> properties = new java.util.TreeMap<>();
		for (URL resource : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = resource.openStream()) {
				for (JsonNode property : JsonMapper.shared().readTree(in).path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("lagrello.") || name.equals("management.health.lagrello.enabled")) {
						properties.put(name, property);
					}
				}
			}
		}
		return properties;
	}

}
