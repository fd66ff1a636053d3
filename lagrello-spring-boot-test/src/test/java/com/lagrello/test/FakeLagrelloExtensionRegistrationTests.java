package com.lagrello.test;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeLagrelloExtension} registered programmatically with a configured server.
 */
class FakeLagrelloExtensionRegistrationTests {

	@RegisterExtension
	static final FakeLagrelloExtension lagrello = new FakeLagrelloExtension(
			FakeLagrelloServer.builder().adminToken("extension-admin").seedTokens(3));

	@Test
	void injectsTheConfiguredServer(FakeLagrelloServer server) {
		assertThat(server.adminToken()).isEqualTo("extension-admin");
		assertThat(server.tokens()).hasSize(4);
	}

	@Nested
	class InANestedClass {

		@Test
		void injectsTheSameServer(FakeLagrelloServer server) {
			assertThat(server.adminToken()).isEqualTo("extension-admin");
			assertThat(server.isRunning()).isTrue();
		}

	}

}
