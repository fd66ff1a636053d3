package com.lagrello.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Builds the Lagrello client's connector the way Spring Boot builds the application's,
 * from its {@link ClientHttpConnectorBuilder} and {@code spring.http.clients.*} settings,
 * overriding only what {@code lagrello.*} decides: the connect timeout, the SSL bundle
 * (when set), never following redirects with the access token, no read timeout of the
 * connector's own (the client bounds every attempt by {@code lagrello.read-timeout}), the
 * {@link LagrelloProxy} when one is set, and, on reactor-netty, the
 * {@link LagrelloConnectionPool}.
 */
final class LagrelloClientHttpConnectorFactory {

	private final ClientHttpConnectorBuilder<?> builder;

	private final HttpClientSettings applicationSettings;

	LagrelloClientHttpConnectorFactory(ClientHttpConnectorBuilder<?> builder, HttpClientSettings applicationSettings) {
		this.builder = builder;
		this.applicationSettings = applicationSettings;
	}

	ClientHttpConnector create(LagrelloProperties properties, URI baseUrl, @Nullable SslBundle sslBundle,
			@Nullable LagrelloConnectionPool pool) {
		// no connector read timeout: spring.http.clients.read-timeout must not cut
		// lagrello.read-timeout short, and the client's own bounds every attempt
		HttpClientSettings settings = this.applicationSettings.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withConnectTimeout(properties.getConnectTimeout())
			.withReadTimeout(null);
		if (sslBundle != null) {
			settings = settings.withSslBundle(sslBundle);
		}
		ClientHttpConnectorBuilder<?> builder = withPool(this.builder, pool);
		LagrelloProxy proxy = LagrelloProxy.of(properties.getProxy());
		if (proxy == null) {
			return neverFollowingRedirects(builder).build(settings);
		}
		builder = proxy.applyTo(builder, baseUrl);
		return proxy.withCredentials(builder, neverFollowingRedirects(builder).build(settings));
	}

	/**
	 * Keeps the customizers and event loops of Boot's builder, swaps only the pool.
	 */
	private static ClientHttpConnectorBuilder<?> withPool(ClientHttpConnectorBuilder<?> builder,
			@Nullable LagrelloConnectionPool pool) {
		if (pool != null && builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			ConnectionProvider connectionProvider = pool.connectionProvider();
			return reactor.withHttpClientFactory(() -> HttpClient.create(connectionProvider));
		}
		return builder;
	}

	/**
	 * The client's last word on redirects. Boot applies an application's connector
	 * customizers after the settings, so {@code DONT_FOLLOW} alone loses to one that
	 * turns redirects on (for another client, say); this customizer runs after all of
	 * them. A followed redirect would send the access token, or re-send a create, to the
	 * {@code Location}, which may be another origin.
	 */
	private static ClientHttpConnectorBuilder<?> neverFollowingRedirects(ClientHttpConnectorBuilder<?> builder) {
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return reactor.withHttpClientCustomizer((client) -> client.followRedirect(false));
		}
		if (builder instanceof JdkClientHttpConnectorBuilder jdk) {
			return jdk
				.withHttpClientCustomizer((client) -> client.followRedirects(java.net.http.HttpClient.Redirect.NEVER));
		}
		return builder;
	}

}
