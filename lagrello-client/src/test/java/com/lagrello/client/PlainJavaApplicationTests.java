package com.lagrello.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a Java application without Spring Boot does with {@code lagrello-client} alone:
 * this module's class path has no Spring Boot (the build enforces it).
 */
class PlainJavaApplicationTests {

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void createsListsAndDeletesWithoutSpringBoot() {
		api.stubFor(post(urlEqualTo("/v1/tokens")).willReturn(okJson(ApiExamples.TOKEN)));
		api.stubFor(get(urlEqualTo("/v1/tokens?size=20")).willReturn(okJson(ApiExamples.page("a", 2, null))));
		api.stubFor(delete(urlEqualTo("/v1/tokens/a-key-1")).willReturn(aResponse().withStatus(204)));

		try (WebClientTokensClient tokens = TokensClient.builder()
			.baseUrl(api.baseUrl())
			.accessToken("plain-java-token-0123456789")
			.build()) {
			Token created = tokens.create(CreateTokenRequest.of("ci", Permission.READ)).block(Duration.ofSeconds(5));
			List<Token> all = tokens.listAll().collectList().block(Duration.ofSeconds(5));
			tokens.delete(all.get(0).tokenKey()).block(Duration.ofSeconds(5));

			assertThat(created.tokenName()).isEqualTo("tokenName");
			assertThat(all).extracting(Token::tokenName).containsExactly("a-1", "a-2");
		}
		api.verify(postRequestedFor(urlEqualTo("/v1/tokens"))
			.withRequestBody(equalToJson("{\"tokenName\":\"ci\",\"permissions\":[\"READ\"]}")));
		api.verify(deleteRequestedFor(urlEqualTo("/v1/tokens/a-key-1")));
		assertThat(getClass().getClassLoader().getResource("org/springframework/boot/SpringApplication.class"))
			.as("Spring Boot on the class path")
			.isNull();
	}

}
