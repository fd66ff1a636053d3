package com.lagrello.sample.mvc.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README prints {@link TokenService} and {@link TokenServiceTests} as they are here,
 * whitespace aside, so the examples a user copies compile and pass.
 */
class ReadmeTests {

	private static final Path README = Path.of("../../README.md");

	private static final Path SOURCES = Path.of("src/test/java/com/lagrello/sample/mvc/readme");

	@Test
	void readmePrintsTheTestedTokenService() throws IOException {
		assertThat(javaBlocksOfTheReadme()).contains(withoutWhitespace(region("TokenService.java", "service")));
	}

	@Test
	void readmePrintsTheTestedTokenServiceTests() throws IOException {
		assertThat(javaBlocksOfTheReadme())
			.contains(withoutWhitespace("@SpringBootTest" + region("TokenServiceTests.java", "test") + "}"));
	}

	private static String region(String file, String name) throws IOException {
		String source = Files.readString(SOURCES.resolve(file));
		int start = source.indexOf("// README:" + name);
		int end = source.indexOf("// README:end", start);
		assertThat(start).as("README:%s in %s", name, file).isNotNegative();
		return source.substring(source.indexOf('\n', start) + 1, end);
	}

	private static List<String> javaBlocksOfTheReadme() throws IOException {
		Matcher blocks = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(README));
		List<String> found = new ArrayList<>();
		while (blocks.find()) {
			found.add(withoutWhitespace(blocks.group(1)));
		}
		return found;
	}

	private static String withoutWhitespace(String code) {
		return code.replaceAll("\\s+", "");
	}

}
