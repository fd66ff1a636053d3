package com.lagrello.sample.mvc;

import java.time.Duration;

import com.lagrello.autoconfigure.LagrelloConnectionDetails;
import com.lagrello.client.TokensClient;
import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without any {@code lagrello.*} connection property, the sample uses an embedded fake.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class EmbeddedLagrelloConfigurationTests {

	@Test
	void usesAnEmbeddedFakeSeededWithTokens(@Autowired LagrelloConnectionDetails connectionDetails,
			@Autowired FakeLagrelloServer server, @Autowired TokensClient tokens) {
		assertThat(connectionDetails.getBaseUrl()).isEqualTo(server.baseUrl());
		assertThat(tokens.listAll().count().block(Duration.ofSeconds(10))).isEqualTo(6);
	}

}
