package com.lagrello.autoconfigure;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What {@code lagrello.proxy.*} does not send through the proxy: a loopback base URL
 * (whose plain http is allowed because the token stays on this machine) and the non-proxy
 * hosts, however the connector spells them.
 */
class ProxyBypassTests {

	private static final String TOKEN = "proxied-access-token-42";

	static WireMockServer api;

	private LoopbackProxy proxy;

	@BeforeAll
	static void startApi() {
		// IPv4 and IPv6 loopback alike
		api = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("::"));
		api.start();
		api.stubFor(delete("/v1/tokens/abc").willReturn(aResponse().withStatus(204)));
	}

	@AfterAll
	static void stopApi() {
		api.stop();
	}

	@AfterEach
	void stopProxy() throws Exception {
		if (this.proxy != null) {
			this.proxy.close();
		}
		api.resetRequests();
	}

	private ApplicationContextRunner runner(String baseUrl, String proxyHost, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
					WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
			.withPropertyValues("lagrello.base-url=" + baseUrl, "lagrello.access-token=" + TOKEN,
					"lagrello.retry.max-attempts=1", "lagrello.proxy.host=" + proxyHost,
					"lagrello.proxy.port=" + this.proxy.port())
			.withPropertyValues(properties);
	}

	private static void deleteIgnoringTheOutcome(TokensClient client) {
		client.delete("abc").onErrorResume((failure) -> Mono.empty()).block(Duration.ofSeconds(10));
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "reactor,[::1]", "reactor,::1", "jdk,[::1]", "jdk,::1" })
	void anIpv6LoopbackBaseUrlIsReachedDirectly(String connector, String host) throws Exception {
		this.proxy = new LoopbackProxy(null);
		runner("http://" + (host.startsWith("[") ? host : "[" + host + "]") + ":" + api.port(), "127.0.0.1",
				"spring.http.clients.reactive.connector=" + connector)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				deleteIgnoringTheOutcome(context.getBean(TokensClient.class));
				assertThat(this.proxy.requestLines()).as("requests the proxy received").isEmpty();
				assertThat(api.getAllServeEvents()).hasSize(1);
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "reactor", "jdk" })
	void aLoopbackHttpBaseUrlNeverSendsTheTokenInClearToARemoteProxy(String connector) throws Exception {
		InetAddress remote = nonLoopbackAddress();
		assumeTrue(remote != null, "a non-loopback address");
		this.proxy = new LoopbackProxy(remote, null);
		runner("http://127.0.0.1:" + api.port(), remote.getHostAddress(),
				"spring.http.clients.reactive.connector=" + connector)
			.run((context) -> {
				deleteIgnoringTheOutcome(context.getBean(TokensClient.class));
				assertThat(this.proxy.requestLines()).as("requests the remote proxy received").isEmpty();
				assertThat(api.getAllServeEvents()).hasSize(1);
			});
	}

	@Test
	void nonProxyHostsMatchWhicheverWayTheConnectorSpellsTheHost() {
		LagrelloProperties.Proxy properties = new LagrelloProperties.Proxy();
		properties.setHost("proxy.example.com");
		properties.setPort(3128);
		properties.setNonProxyHosts(List.of("[2001:db8::7]", "*.internal.example.com", "API.example.com"));
		LagrelloProxy proxy = LagrelloProxy.of(properties);
		assertThat(proxy.bypasses("2001:db8:0:0:0:0:0:7")).isTrue();
		assertThat(proxy.bypasses("[2001:db8::7]")).isTrue();
		assertThat(proxy.bypasses("tokens.internal.example.com")).isTrue();
		assertThat(proxy.bypasses("api.EXAMPLE.com")).isTrue();
		assertThat(proxy.bypasses("internal.example.com.evil.com")).isFalse();
		assertThat(proxy.bypasses("api.lagrello.com")).isFalse();
		assertThat(proxy.bypasses("localhost")).as("loopback, always").isTrue();
	}

	private static InetAddress nonLoopbackAddress() throws IOException {
		return NetworkInterface.networkInterfaces().filter((nic) -> {
			try {
				return nic.isUp() && !nic.isLoopback();
			}
			catch (IOException ex) {
				return false;
			}
		})
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address)
			.findFirst()
			.orElse(null);
	}

}
