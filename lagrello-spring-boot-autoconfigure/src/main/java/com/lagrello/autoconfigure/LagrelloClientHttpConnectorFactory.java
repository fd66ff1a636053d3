package com.lagrello.autoconfigure;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the Lagrello client's connector the way Spring Boot builds the application's,
 * from its {@link ClientHttpConnectorBuilder} and {@code spring.http.clients.reactive.*}
 * settings, overriding only what {@code lagrello.*} decides: the connect timeout, the SSL
 * bundle, never following redirects with the access token, and, on reactor-netty, a
 * connection pool of its own whose idle connections are closed before a server or load
 * balancer would close them under a request. The read timeout is the client's own, per
 * attempt.
 */
final class LagrelloClientHttpConnectorFactory {

	private final ClientHttpConnectorBuilder<?> builder;

	private final HttpClientSettings applicationSettings;

	LagrelloClientHttpConnectorFactory(ClientHttpConnectorBuilder<?> builder, HttpClientSettings applicationSettings) {
		this.builder = builder;
		this.applicationSettings = applicationSettings;
	}

	ClientHttpConnector create(LagrelloProperties properties, @Nullable SslBundle sslBundle,
			@Nullable ConnectionProvider pool) {
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, properties.getConnectTimeout(),
				null, sslBundle)
			.orElse(this.applicationSettings);
		ClientHttpConnectorBuilder<?> connectorBuilder = this.builder;
		if (pool != null && connectorBuilder instanceof ReactorClientHttpConnectorBuilder reactor) {
			// keeps the customizers and event loops of Boot's builder, swaps only the pool
			connectorBuilder = reactor.withHttpClientFactory(() -> HttpClient.create(pool));
		}
		return connectorBuilder.build(settings);
	}

}
