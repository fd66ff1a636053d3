package com.lagrello.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The failure analysis of an invalid {@code lagrello.*} value says where the value came
 * from (file and line), for nested properties such as
 * {@code lagrello.pagination.page-size} as for top-level ones.
 */
class InvalidConfigurationOriginTests {

	@TempDir
	Path directory;

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			lagrello.connect-timeout           | 0
			lagrello.pagination.page-size      | 21
			lagrello.pagination.max-pages      | 0
			lagrello.pagination.concurrency    | 0
			lagrello.bulk.concurrency          | 0
			lagrello.retry.max-attempts        | 0
			lagrello.retry.max-backoff         | 1ms
			lagrello.retry.budget.percent      | -1
			lagrello.health.timeout            | 0
			lagrello.pool.max-connections      | 0
			lagrello.proxy.host                | http://proxy:3128
			""")
	void failureAnalysisNamesTheOriginOfTheValue(String property, String value) throws IOException {
		Path file = this.directory.resolve("application.properties");
		// the value on line 3 of the file
		Files.writeString(file,
				"lagrello.access-token=valid-token-0123456789\n"
						+ (property.startsWith("lagrello.proxy.") ? "lagrello.proxy.port=3128\n" : "# nothing else\n")
						+ property + "=" + value + "\n");
		Throwable failure = catchThrowable(() -> new SpringApplication(Application.class)
			.run("--spring.main.web-application-type=none", "--spring.config.location=file:" + file));
		FailureAnalysis analysis = analyze(failure);
		assertThat(analysis).as("a failure analysis of %s", failure).isNotNull();
		assertThat(analysis.getDescription()).contains("Origin: URL [file:" + file + "] - 3:");
	}

	private static FailureAnalysis analyze(Throwable failure) {
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
			}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null) {
				return analysis;
			}
		}
		return null;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
