package com.lagrello.sample.support;

import com.lagrello.autoconfigure.LagrelloConnectionDetails;
import com.lagrello.client.TokensClient;
import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which Lagrello API the sample uses: an embedded fake unless a connection is configured.
 */
class EmbeddedLagrelloConfigurationTests {

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.NONE)
	class WithoutConfiguration {

		@Test
		void usesAnEmbeddedFakeSeededWithTokens(@Autowired LagrelloConnectionDetails connectionDetails,
				@Autowired FakeLagrelloServer server, @Autowired TokensClient tokens) {
			assertThat(connectionDetails.getBaseUrl()).isEqualTo(server.baseUrl());
			StepVerifier.create(tokens.listAll()).expectNextCount(6).verifyComplete();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.NONE,
			properties = { "lagrello.base-url=https://lagrello.example.com", "lagrello.access-token=real-token" })
	class WithTheRealApiConfigured {

		@Test
		void usesTheConfiguredApiAndStartsNoFake(@Autowired LagrelloConnectionDetails connectionDetails,
				@Autowired ObjectProvider<FakeLagrelloServer> server) {
			assertThat(connectionDetails.getBaseUrl()).hasToString("https://lagrello.example.com");
			assertThat(server.getIfAvailable()).isNull();
		}

	}

}
