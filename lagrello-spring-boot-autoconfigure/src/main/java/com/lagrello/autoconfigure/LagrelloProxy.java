package com.lagrello.autoconfigure;

import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import com.lagrello.client.TokensClientBuilder;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.util.StringUtils;

/**
 * The HTTP proxy of {@code lagrello.proxy.*}, set on the Lagrello client's connector
 * (reactor-netty or the JDK's) and no other. Its credentials are secrets like the access
 * token: never in {@link #toString()}, never logged.
 */
final class LagrelloProxy {

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
	 * @throws IllegalStateException for a connector other than reactor-netty's or the
	 * JDK's
	 */
	ClientHttpConnectorBuilder<?> applyTo(ClientHttpConnectorBuilder<?> builder) {
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return reactor.withHttpClientCustomizer((client) -> client.proxy(this::configure));
		}
		if (builder instanceof JdkClientHttpConnectorBuilder jdk) {
			return jdk.withHttpClientCustomizer((client) -> {
				client.proxy(new Selector());
				if (this.username != null) {
					client.authenticator(new ProxyCredentials());
				}
			});
		}
		throw new IllegalStateException("lagrello.proxy.* is supported with the reactor-netty and JDK connectors, but"
				+ " the application's connector is built by " + builder.getClass().getName());
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
	 * The proxy's credentials for the JDK client, given to the proxy only, never to the
	 * API.
	 */
	private final class ProxyCredentials extends Authenticator {

		@Override
		protected @Nullable PasswordAuthentication getPasswordAuthentication() {
			if (getRequestorType() != RequestorType.PROXY || LagrelloProxy.this.username == null) {
				return null;
			}
			String secret = (LagrelloProxy.this.password != null) ? LagrelloProxy.this.password : "";
			return new PasswordAuthentication(LagrelloProxy.this.username, secret.toCharArray());
		}

	}

}
