package com.lagrello.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.lagrello.client.TokensClientBuilder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.util.StringUtils;

/**
 * The HTTP proxy of {@code lagrello.proxy.*}, set on the Lagrello client's connector
 * (reactor-netty or the JDK's) and no other. Its credentials are secrets like the access
 * token: never in {@link #toString()}, never logged.
 * <p>
 * On the JDK connector the credentials are sent with every proxied request, not through
 * an {@link java.net.Authenticator}: with one set, the JDK's {@code HttpClient} drops the
 * caller's {@code Authorization} header (the access token) and answers a server's Basic
 * challenge itself.
 */
final class LagrelloProxy {

	private static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

	private final String host;

	private final int port;

	private final @Nullable String username;

	private final @Nullable String password;

	private final List<Pattern> nonProxyHosts;

	private LagrelloProxy(LagrelloProperties.Proxy proxy, String host, int port) {
		this.host = host;
		this.port = port;
		this.username = StringUtils.hasText(proxy.getUsername()) ? proxy.getUsername() : null;
		this.password = proxy.getPassword();
		this.nonProxyHosts = proxy.getNonProxyHosts()
			.stream()
			.map((entry) -> hostPattern(normalHost(entry.strip())))
			.toList();
	}

	/**
	 * Returns the configured proxy, or {@code null} when {@code lagrello.proxy.host} is
	 * not set. The properties are validated at binding.
	 */
	static @Nullable LagrelloProxy of(LagrelloProperties.Proxy proxy) {
		if (!StringUtils.hasText(proxy.getHost()) || proxy.getPort() == null) {
			return null;
		}
		return new LagrelloProxy(proxy, proxy.getHost().strip(), proxy.getPort());
	}

	/**
	 * Turns a {@code non-proxy-hosts} entry into a pattern: {@code *} matches any part of
	 * a name, everything else itself, ignoring case.
	 */
	private static Pattern hostPattern(String entry) {
		String[] parts = entry.strip().split("\\*", -1);
		StringBuilder regex = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			regex.append((i > 0) ? ".*" : "").append(parts[i].isEmpty() ? "" : Pattern.quote(parts[i]));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

	/**
	 * Whether a host is reached directly, without the proxy: a loopback host always (a
	 * plain http base URL is allowed there because the token stays on this machine), and
	 * the non-proxy hosts.
	 */
	boolean bypasses(@Nullable String targetHost) {
		if (targetHost == null) {
			return false;
		}
		if (TokensClientBuilder.isLoopbackHost(targetHost)) {
			return true;
		}
		String name = normalHost(targetHost);
		return this.nonProxyHosts.stream().anyMatch((pattern) -> pattern.matcher(name).matches());
	}

	/**
	 * One spelling per host, whichever connector reports it: lower case, an IPv6 address
	 * without brackets and in full ({@code 0:0:0:0:0:0:0:1}), as reactor-netty gives it.
	 */
	private static String normalHost(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		if (name.indexOf(':') >= 0 && name.indexOf('*') < 0) {
			try {
				// a literal: nothing is looked up
				return InetAddress.getByName(name).getHostAddress();
			}
			catch (UnknownHostException | SecurityException ex) {
				return name;
			}
		}
		return name;
	}

	/**
	 * Returns the builder with the proxy set on the connector it builds.
	 * @param baseUrl the API's origin, to tell whether the JDK connector can authenticate
	 * to the proxy for it
	 * @throws IllegalStateException for a connector other than reactor-netty's or the
	 * JDK's
	 * @throws LagrelloConfigurationException for credentials the JDK connector would not
	 * send
	 */
	ClientHttpConnectorBuilder<?> applyTo(ClientHttpConnectorBuilder<?> builder, URI baseUrl) {
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return reactor.withHttpClientCustomizer((client) -> client.proxy(this::configure));
		}
		if (builder instanceof JdkClientHttpConnectorBuilder jdk) {
			requireJdkTunnelCredentials(baseUrl);
			return jdk.withHttpClientCustomizer((client) -> client.proxy(new Selector()));
		}
		throw new IllegalStateException("lagrello.proxy.* is supported with the reactor-netty and JDK connectors, but"
				+ " the application's connector is built by " + builder.getClass().getName());
	}

	/**
	 * Returns the connector built by {@link #applyTo}, sending the credentials on every
	 * request through the proxy when the connector cannot do so itself (the JDK's).
	 */
	ClientHttpConnector withCredentials(ClientHttpConnectorBuilder<?> builder, ClientHttpConnector connector) {
		if (this.username == null || !(builder instanceof JdkClientHttpConnectorBuilder)) {
			return connector;
		}
		String secret = (this.password != null) ? this.password : "";
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString((this.username + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return new PreemptiveProxyAuthorization(connector, basic);
	}

	/**
	 * The JDK sends Basic credentials in a tunnel's {@code CONNECT} only when the JVM
	 * allows it: {@code jdk.http.auth.tunneling.disabledSchemes} is {@code Basic} unless
	 * set otherwise (the JDK's {@code net.properties}). Without it every https call would
	 * meet {@code 407}, so such a start is refused, saying why.
	 */
	private void requireJdkTunnelCredentials(URI baseUrl) {
		if (this.username == null || !"https".equalsIgnoreCase(baseUrl.getScheme()) || bypasses(baseUrl.getHost())) {
			return;
		}
		String disabled = System.getProperty(TUNNELING_DISABLED_SCHEMES, "Basic");
		if (Arrays.stream(disabled.split(",")).map(String::strip).noneMatch("Basic"::equalsIgnoreCase)) {
			return;
		}
		throw new LagrelloConfigurationException("lagrello.proxy.username and lagrello.proxy.password are set for an"
				+ " https API on the JDK connector (spring.http.clients.reactive.connector=jdk), but the JDK does not"
				+ " send Basic credentials to a proxy for an https tunnel while " + TUNNELING_DISABLED_SCHEMES
				+ " holds Basic, as it does by default: every call would be refused by the proxy.",
				"Use the reactor-netty connector (Spring Boot's default for WebClient), or start the JVM with -D"
						+ TUNNELING_DISABLED_SCHEMES + "= (empty), or use a proxy that needs no credentials.",
				null);
	}

	private ProxyProvider.Builder configure(ProxyProvider.TypeSpec spec) {
		ProxyProvider.Builder proxy = spec.type(ProxyProvider.Proxy.HTTP)
			.host(this.host)
			.port(this.port)
			.nonProxyHostsPredicate(this::bypasses);
		if (this.username != null) {
			String secret = (this.password != null) ? this.password : "";
			proxy.username(this.username).password((user) -> secret);
		}
		return proxy;
	}

	private boolean bypasses(SocketAddress target) {
		return target instanceof InetSocketAddress address && bypasses(address.getHostString());
	}

	@Override
	public String toString() {
		return "LagrelloProxy[" + this.host + ":" + this.port + ((this.username != null) ? ", with credentials" : "")
				+ "]";
	}

	/**
	 * The JDK client's proxy choice: the proxy, or none for the non-proxy hosts.
	 */
	private final class Selector extends ProxySelector {

		@Override
		public List<Proxy> select(URI uri) {
			return bypasses(uri.getHost()) ? List.of(Proxy.NO_PROXY) : List.of(new Proxy(Proxy.Type.HTTP,
					InetSocketAddress.createUnresolved(LagrelloProxy.this.host, LagrelloProxy.this.port)));
		}

		@Override
		public void connectFailed(URI uri, SocketAddress address, java.io.IOException failure) {
			// nothing to fall back to: the call fails with the connect error
		}

	}

	/**
	 * Puts the proxy's credentials on every request the JDK client sends through the
	 * proxy. The JDK itself gives a request's {@code Proxy-*} headers to the proxy only:
	 * to a plain http request it forwards, or to the {@code CONNECT} of a tunnel (when
	 * Basic is allowed there), and never to the server behind it.
	 */
	private final class PreemptiveProxyAuthorization implements ClientHttpConnector {

		private final ClientHttpConnector connector;

		private final String authorization;

		PreemptiveProxyAuthorization(ClientHttpConnector connector, String authorization) {
			this.connector = connector;
			this.authorization = authorization;
		}

		@Override
		public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
				Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
			if (bypasses(uri.getHost())) {
				return this.connector.connect(method, uri, requestCallback);
			}
			return this.connector.connect(method, uri, (request) -> {
				request.getHeaders().set(HttpHeaders.PROXY_AUTHORIZATION, this.authorization);
				return requestCallback.apply(request);
			});
		}

		@Override
		public String toString() {
			return "PreemptiveProxyAuthorization[" + LagrelloProxy.this + "]";
		}

	}

}
