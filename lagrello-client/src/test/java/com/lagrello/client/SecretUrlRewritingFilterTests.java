package com.lagrello.client;

import java.net.URI;
import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's filter that sends each request to another host (as a load balancer's
 * does, from a service name to an instance) on a request that carries a secret: the
 * server gets the real code, never the mask, so a right code is never refused as wrong.
 * Also when the filter builds a new request and does not copy the attributes of the one
 * it was given: they are the filter's to keep or drop.
 */
class SecretUrlRewritingFilterTests {

	private static final String CODE = "731902";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private LagrelloClient lagrello;

	@AfterEach
	void close() {
		if (this.lagrello != null) {
			this.lagrello.close();
		}
	}

	@Test
	void aFilterThatChangesTheHostStillSendsTheRealCode() {
		URI instance = URI.create(api.baseUrl());
		ExchangeFilterFunction loadBalancer = (request,
				next) -> next.exchange(ClientRequest.from(request)
					.url(UriComponentsBuilder.fromUri(request.url())
						.host(instance.getHost())
						.port(instance.getPort())
						.build(true)
						.toUri())
					.build());
		this.lagrello = LagrelloClient.builder()
			.baseUrl("http://localhost:1")
			.accessToken(TestClients.ACCESS_TOKEN)
			.webClientBuilder(WebClient.builder().filter(loadBalancer))
			.build();
		stubTotp();

		assertTheRealCodeIsSentAndTakenAsRight();
	}

	@Test
	void aFilterThatDropsTheRequestsAttributesStillSendsTheRealCodeOverTheClientsConnector() {
		this.lagrello = LagrelloClient.builder()
			.baseUrl(api.baseUrl())
			.accessToken(TestClients.ACCESS_TOKEN)
			.clientConnector(new ReactorClientHttpConnector())
			.webClientBuilder(WebClient.builder().filter(SecretUrlRewritingFilterTests::withoutAttributes))
			.build();
		stubTotp();

		assertTheRealCodeIsSentAndTakenAsRight();
	}

	@Test
	void aFilterThatDropsTheRequestsAttributesStillSendsTheRealCodeOverTheBuildersConnector() {
		this.lagrello = LagrelloClient.builder()
			.baseUrl(api.baseUrl())
			.accessToken(TestClients.ACCESS_TOKEN)
			.webClientBuilder(WebClient.builder().filter(SecretUrlRewritingFilterTests::withoutAttributes))
			.build();
		stubTotp();

		assertTheRealCodeIsSentAndTakenAsRight();
	}

	/** A filter that hands on a copy of the request made without its attributes. */
	private static Mono<ClientResponse> withoutAttributes(ClientRequest request, ExchangeFunction next) {
		return next.exchange(ClientRequest.create(request.method(), request.url())
			.headers((headers) -> headers.addAll(request.headers()))
			.cookies((cookies) -> cookies.addAll(request.cookies()))
			.body(request.body())
			.build());
	}

	private void assertTheRealCodeIsSentAndTakenAsRight() {
		assertThat(this.lagrello.auth().verifyTotp("u-1", CODE).blockOptional(Duration.ofSeconds(10))).map(User::userId)
			.contains("u-1");
		api.verify(getRequestedFor(urlPathEqualTo("/v1/users/u-1/totp")).withQueryParam("payload", equalTo(CODE)));
	}

	private static void stubTotp() {
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).withQueryParam("payload", equalTo(CODE))
			.willReturn(okJson("{\"userId\":\"u-1\"}")));
		api.stubFor(get(urlPathEqualTo("/v1/users/u-1/totp")).atPriority(10)
			.willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{}")));
	}

}
