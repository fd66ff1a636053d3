package com.lagrello.autoconfigure;

import com.lagrello.client.RetryPolicy;
import com.lagrello.client.TokensClient;
import com.lagrello.client.WebClientTokensClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * of the Lagrello {@link TokensClient}, built from Spring Boot's {@link WebClient.Builder}
 * so that its codecs, customizers and observations apply.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
		SslAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(LagrelloProperties.class)
public final class LagrelloAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(LagrelloConnectionDetails.class)
	PropertiesLagrelloConnectionDetails lagrelloConnectionDetails(LagrelloProperties properties) {
		return new PropertiesLagrelloConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(TokensClient.class)
	WebClientTokensClient tokensClient(LagrelloProperties properties, LagrelloConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<LagrelloClientCustomizer> customizers) {
		String accessToken = connectionDetails.getAccessToken();
		if (!StringUtils.hasText(accessToken)) {
			throw new MissingAccessTokenException();
		}
		WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
		builder.clientConnector(connector(properties, connectorBuilder, httpClientSettings, sslBundles));
		builder.codecs((codecs) -> codecs.defaultCodecs()
			.maxInMemorySize(Math.toIntExact(properties.getMaxInMemorySize().toBytes())));
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		LagrelloProperties.Retry retry = properties.getRetry();
		return TokensClient.builder()
			.webClientBuilder(builder)
			.baseUrl(connectionDetails.getBaseUrl())
			.accessToken(accessToken)
			.allowInsecureHttp(properties.isAllowInsecureHttp())
			.readTimeout(properties.getReadTimeout())
			.retryPolicy(new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
					retry.getMaxRetryAfter()))
			.pageSize(properties.getPagination().getPageSize())
			.maxPages(properties.getPagination().getMaxPages())
			.build();
	}

	/**
	 * Builds the connector the way Boot builds the application's, from its
	 * {@link ClientHttpConnectorBuilder} and {@code spring.http.clients.reactive.*}
	 * settings, overriding only what {@code lagrello.*} decides: the connect timeout, the
	 * SSL bundle, and never following redirects with the access token. The read timeout
	 * is the client's own, per attempt.
	 */
	private static ClientHttpConnector connector(LagrelloProperties properties,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		SslBundle sslBundle = null;
		String bundleName = properties.getSsl().getBundle();
		if (StringUtils.hasText(bundleName)) {
			sslBundle = sslBundles.getObject().getBundle(bundleName);
		}
		HttpClientSettings settings = new HttpClientSettings(HttpRedirects.DONT_FOLLOW, properties.getConnectTimeout(),
				null, sslBundle)
			.orElse(httpClientSettings.getIfAvailable(HttpClientSettings::defaults));
		return connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect).build(settings);
	}

}
