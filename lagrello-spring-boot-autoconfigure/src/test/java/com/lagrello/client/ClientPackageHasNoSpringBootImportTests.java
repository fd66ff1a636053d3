package com.lagrello.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code com.lagrello.client} stays usable without Spring Boot.
 */
class ClientPackageHasNoSpringBootImportTests {

	@Test
	void noSourceOfTheClientPackageImportsSpringBoot() throws IOException {
		Path sources = Path.of("src/main/java/com/lagrello/client");
		try (Stream<Path> files = Files.list(sources)) {
			List<Path> offenders = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> read(file).contains("org.springframework.boot"))
				.toList();
			assertThat(offenders).isEmpty();
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
