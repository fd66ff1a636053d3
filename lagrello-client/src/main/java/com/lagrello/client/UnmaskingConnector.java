package com.lagrello.client;

import java.net.URI;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.util.ClassUtils;

/**
 * The client's own connector: the one it is given, or a default one, sending the real URL
 * of a request that WebClient only saw masked ({@link SecretUrl}). It is the last step
 * before the wire, past WebClient's filters and its exchange function's logging.
 *
 * @param connector the connector that sends
 */
record UnmaskingConnector(ClientHttpConnector connector) implements ClientHttpConnector {

	private static final boolean REACTOR_NETTY = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			UnmaskingConnector.class.getClassLoader());

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		return Mono.deferContextual(
				(context) -> this.connector.connect(method, SecretUrl.unmasked(context, uri), requestCallback));
	}

	/**
	 * The connector of a client given none: reactor-netty's (its shared connections) when
	 * it is on the class path, else the JDK's {@code HttpClient}.
	 * @return a new connector
	 */
	static ClientHttpConnector defaultConnector() {
		return REACTOR_NETTY ? new ReactorClientHttpConnector() : new JdkClientHttpConnector();
	}

	@Override
	public String toString() {
		return "UnmaskingConnector[" + this.connector + "]";
	}

}
