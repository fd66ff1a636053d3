package com.lagrello.autoconfigure;

import java.util.List;

import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.BlockingTenantClient;
import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.RetryBudget;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.TenantClient;
import com.lagrello.client.TokensClient;
import com.lagrello.client.UsersClient;
import com.lagrello.client.WebClientTokensClient;
import com.lagrello.client.blocking.BlockingAuthClientAdapter;
import com.lagrello.client.blocking.BlockingTenantClientAdapter;
import com.lagrello.client.blocking.BlockingUsersClientAdapter;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the Lagrello clients: one {@link LagrelloClient}, built from
 * Spring Boot's {@link WebClient.Builder} so that its codecs, customizers and
 * observations apply, and its API areas ({@link TokensClient}, {@link UsersClient},
 * {@link AuthClient}, {@link TenantClient}) and their blocking twins as beans, in servlet
 * and reactive applications alike. Each bean backs off for an application's own bean of
 * its type, which replaces that bean only; a blocking bean is over the reactive bean of
 * its area, whichever it is.
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

	// The API areas of the LagrelloClient bean. The root closes what they share: none is
	// closed on its own (destroyMethod "").

	// the tokens client of an application's own LagrelloClient (of the auto-configured
	// one: LagrelloClientConfiguration)
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean(TokensClient.class)
	@ConditionalOnSingleCandidate(LagrelloClient.class)
	TokensClient tokensClient(LagrelloClient lagrelloClient) {
		return lagrelloClient.tokens();
	}

	@Bean(destroyMethod = "")
	@Lazy
	@ConditionalOnMissingBean(UsersClient.class)
	@ConditionalOnSingleCandidate(LagrelloClient.class)
	UsersClient usersClient(LagrelloClient lagrelloClient) {
		return lagrelloClient.users();
	}

	@Bean(destroyMethod = "")
	@Lazy
	@ConditionalOnMissingBean(AuthClient.class)
	@ConditionalOnSingleCandidate(LagrelloClient.class)
	AuthClient authClient(LagrelloClient lagrelloClient) {
		return lagrelloClient.auth();
	}

	@Bean(destroyMethod = "")
	@Lazy
	@ConditionalOnMissingBean(TenantClient.class)
	@ConditionalOnSingleCandidate(LagrelloClient.class)
	TenantClient tenantClient(LagrelloClient lagrelloClient) {
		return lagrelloClient.tenant();
	}

	/**
	 * The bundle {@code lagrello.ssl.bundle} names, or a failure analysis naming the
	 * property, the bundle and the bundles there are.
	 */
	private static SslBundle sslBundle(@Nullable SslBundles bundles, String name) {
		try {
			if (bundles != null) {
				return bundles.getBundle(name);
			}
		}
		catch (NoSuchSslBundleException ex) {
			throw missingSslBundle(name, bundles.getBundleNames(), ex);
		}
		throw missingSslBundle(name, List.of(), null);
	}

	private static LagrelloConfigurationException missingSslBundle(String name, List<String> bundles,
			@Nullable Throwable cause) {
		return new LagrelloConfigurationException(
				"lagrello.ssl.bundle names the SSL bundle '" + name + "', but the application has "
						+ (bundles.isEmpty() ? "no SSL bundles." : "only " + bundles + "."),
				"Set lagrello.ssl.bundle to one of the application's SSL bundles, or define '" + name
						+ "' with spring.ssl.bundle.pem." + name + ".* or spring.ssl.bundle.jks." + name + ".*.",
				cause);
	}

	private static RetryBudget retryBudget(LagrelloProperties.Budget budget) {
		return budget.isEnabled() ? RetryBudget.of(budget.getPercent(), budget.getMinRetries(), budget.getWindow())
				: RetryBudget.UNLIMITED;
	}

	/**
	 * The same client for blocking code, in servlet and reactive applications alike, each
	 * call bounded by {@code lagrello.call-timeout}, also over an application's own
	 * {@code TokensClient}. Created without calling the client, so an application's own
	 * {@code TokensClient} (a test double, say) is not touched at start-up.
	 */
	@Bean
	@ConditionalOnMissingBean(BlockingTokensClient.class)
	@ConditionalOnBean(TokensClient.class)
	LazyBlockingTokensClient blockingTokensClient(ObjectProvider<TokensClient> tokensClient,
			LagrelloProperties properties) {
		return new LazyBlockingTokensClient(tokensClient::getObject, properties.getCallTimeout());
	}

	// The blocking twins of the other areas, as for tokens: each over the reactive
	// bean of its area, whether the LagrelloClient bean's or an application's own.

	@Bean
	@ConditionalOnMissingBean(BlockingUsersClient.class)
	@ConditionalOnBean(UsersClient.class)
	LazyBlockingUsersClient blockingUsersClient(ObjectProvider<UsersClient> usersClient,
			ConfigurableListableBeanFactory beanFactory, LagrelloProperties properties) {
		return new LazyBlockingUsersClient(
				LazyBlockingClient.over(usersClient, LazyBlockingClient.madeRoot(beanFactory), LagrelloClient::users,
						UsersClient::blocking, BlockingUsersClientAdapter::overAnyClient, properties.getCallTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean(BlockingAuthClient.class)
	@ConditionalOnBean(AuthClient.class)
	LazyBlockingAuthClient blockingAuthClient(ObjectProvider<AuthClient> authClient,
			ConfigurableListableBeanFactory beanFactory, LagrelloProperties properties) {
		return new LazyBlockingAuthClient(
				LazyBlockingClient.over(authClient, LazyBlockingClient.madeRoot(beanFactory), LagrelloClient::auth,
						AuthClient::blocking, BlockingAuthClientAdapter::overAnyClient, properties.getCallTimeout()));
	}

	@Bean
	@ConditionalOnMissingBean(BlockingTenantClient.class)
	@ConditionalOnBean(TenantClient.class)
	LazyBlockingTenantClient blockingTenantClient(ObjectProvider<TenantClient> tenantClient,
			ConfigurableListableBeanFactory beanFactory, LagrelloProperties properties) {
		return new LazyBlockingTenantClient(LazyBlockingClient.over(tenantClient,
				LazyBlockingClient.madeRoot(beanFactory), LagrelloClient::tenant, TenantClient::blocking,
				BlockingTenantClientAdapter::overAnyClient, properties.getCallTimeout()));
	}

	/**
	 * The root client and its tokens client, when the application has no
	 * {@link LagrelloClient} of its own. A member class, so that its condition sees the
	 * application's beans only.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(LagrelloClient.class)
	static class LagrelloClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(LagrelloConnectionPool.class)
		LagrelloConnectionPool lagrelloConnectionPool(LagrelloProperties properties) {
			return new LagrelloConnectionPool(properties.getPool().getMaxConnections(),
					properties.getPool().getMaxIdleTime(), properties.getReadTimeout());
		}

		/**
		 * The root client, built once from {@code lagrello.*} and the connection details:
		 * the API area beans are its clients, so they share its connections, settings,
		 * retry budget and observations, and it alone closes what they share, on
		 * shutdown. Made when first needed, as the users, auth and tenant beans are: at
		 * start-up whenever the {@code TokensClient} bean is the root's (a missing access
		 * token stops the application then, as ever), while an application with its own
		 * {@code TokensClient} (a test double, say) and no access token starts as it did
		 * before these areas existed, unless it injects one of them.
		 */
		@Bean
		@Lazy
		LagrelloClient lagrelloClient(LagrelloProperties properties, LagrelloConnectionDetails connectionDetails,
				ObjectProvider<WebClient.Builder> webClientBuilder,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<LagrelloConnectionPool> pool, ObjectProvider<LagrelloClientCustomizer> customizers,
				ObjectProvider<ObservationRegistry> observationRegistry) {
			if (!StringUtils.hasText(connectionDetails.getAccessToken())) {
				throw new MissingAccessTokenException();
			}
			WebClient.Builder builder = webClientBuilder.getIfAvailable(WebClient::builder).clone();
			String bundle = properties.getSsl().getBundle();
			SslBundle sslBundle = StringUtils.hasText(bundle) ? sslBundle(sslBundles.getIfAvailable(), bundle) : null;
			// given to the client, not the builder: only the client's own connector sees
			// the
			// real URL of a request that carries a secret, after WebClient has logged it
			ClientHttpConnector connector = new LagrelloClientHttpConnectorFactory(
					connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect),
					httpClientSettings.getIfAvailable(HttpClientSettings::defaults))
				.create(properties, connectionDetails.getBaseUrl(), sslBundle, pool.getIfAvailable());
			builder.codecs((codecs) -> codecs.defaultCodecs()
				.maxInMemorySize(Math.toIntExact(properties.getMaxInMemorySize().toBytes())));
			customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			LagrelloProperties.Retry retry = properties.getRetry();
			return LagrelloClient.builder()
				.webClientBuilder(builder)
				.clientConnector(connector)
				.baseUrl(connectionDetails.getBaseUrl())
				// asked before every request: a rotated secret is used without a restart
				.accessToken(connectionDetails::getAccessToken)
				.allowInsecureHttp(properties.isAllowInsecureHttp())
				.readTimeout(properties.getReadTimeout())
				.retryPolicy(new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
						retry.getMaxRetryAfter()))
				.retryBudget(retryBudget(retry.getBudget()))
				.callTimeout(properties.getCallTimeout())
				.bulkConcurrency(properties.getBulk().getConcurrency())
				.observationRegistry(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP))
				.pageSize(properties.getPagination().getPageSize())
				.maxPages(properties.getPagination().getMaxPages())
				.paginationConcurrency(properties.getPagination().getConcurrency())
				.rebasePageLinks(properties.getPagination().isRebaseLinks())
				// a server may echo what the proxy forwarded: redacted like the token
				.redactedSecrets(properties.getProxy().secrets())
				.build();
		}

		/**
		 * The root's tokens client, declared as the library's own type (the type of the
		 * {@code TokensClient} bean before 0.3), so that an application's bean can ask
		 * for a {@code WebClientTokensClient} (to {@code mutate()} it, say) before this
		 * one is made.
		 */
		@Bean(destroyMethod = "")
		@ConditionalOnMissingBean(TokensClient.class)
		WebClientTokensClient tokensClient(LagrelloClient lagrelloClient) {
			// built by LagrelloClient.builder() above: its tokens() is the library's own
			return (WebClientTokensClient) lagrelloClient.tokens();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ActuatorSanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "lagrelloAccessTokenSanitizer")
		LagrelloSecretsSanitizer lagrelloAccessTokenSanitizer(
				ObjectProvider<LagrelloConnectionDetails> connectionDetails,
				ObjectProvider<LagrelloProperties> properties) {
			return new LagrelloSecretsSanitizer(connectionDetails, properties);
		}

	}

}
