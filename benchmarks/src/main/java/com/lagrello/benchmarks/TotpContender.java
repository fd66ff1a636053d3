package com.lagrello.benchmarks;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.ClientOptions;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.User;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/**
 * One way to check a TOTP code ({@code GET /v1/users/{userId}/totp?payload=<code>}), as
 * the TOTP benchmarks compare them: a wrong code ({@code 401}) is an empty answer for
 * both. Both use reactor-netty's global connection pool and event loops, so that they
 * differ only above the transport.
 */
public interface TotpContender extends AutoCloseable {

	/**
	 * Checks a code.
	 * @param userId the user's id
	 * @param code the code the user typed
	 * @return the user if the code is right, empty if it is wrong
	 */
	Mono<User> verifyTotp(String userId, String code);

	/**
	 * Checks a code, waiting for the answer on the calling thread.
	 * @param userId the user's id
	 * @param code the code the user typed
	 * @return the user if the code is right, empty if it is wrong
	 */
	Optional<User> verifyTotpBlocking(String userId, String code);

	@Override
	default void close() {
	}

	/**
	 * Creates a contender against the given server.
	 * @param kind which one
	 * @param baseUrl the server's origin
	 * @return the contender, to close after use
	 */
	static TotpContender of(Kind kind, URI baseUrl) {
		return switch (kind) {
			case authClient -> new Lagrello(baseUrl);
			case webClient -> new PlainWebClient(baseUrl);
		};
	}

	/** The contenders, named as the benchmarks' {@code client} parameter. */
	enum Kind {

		/** The Lagrello {@link AuthClient} of a {@link LagrelloClient}. */
		authClient,
		/**
		 * A plain {@link WebClient} call, {@code bodyToMono(User.class)}, a {@code 401}
		 * resumed as empty.
		 */
		webClient

	}

	/**
	 * The client under test, built as an application without Spring Boot builds it.
	 */
	final class Lagrello implements TotpContender {

		private final LagrelloClient client;

		private final AuthClient auth;

		private final BlockingAuthClient blocking;

		Lagrello(URI baseUrl) {
			this.client = LagrelloClient.builder().baseUrl(baseUrl).accessToken(TotpServer.ACCESS_TOKEN).build();
			this.auth = this.client.auth();
			this.blocking = this.auth.blocking();
		}

		@Override
		public Mono<User> verifyTotp(String userId, String code) {
			return this.auth.verifyTotp(userId, code);
		}

		@Override
		public Optional<User> verifyTotpBlocking(String userId, String code) {
			return this.blocking.verifyTotp(userId, code);
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

	/**
	 * What an application would write with a plain {@link WebClient}: no timeout, retry,
	 * error mapping or secret hygiene, a wrong code told apart from other failures by its
	 * status alone.
	 */
	final class PlainWebClient implements TotpContender {

		private final WebClient webClient;

		PlainWebClient(URI baseUrl) {
			this.webClient = WebClient.builder().baseUrl(baseUrl.toString()).defaultHeaders((headers) -> {
				headers.setBearerAuth(TotpServer.ACCESS_TOKEN);
				headers.setAccept(List.of(MediaType.APPLICATION_JSON));
			}).build();
		}

		@Override
		public Mono<User> verifyTotp(String userId, String code) {
			return this.webClient.get()
				.uri("/v1/users/{userId}/totp?payload={code}", userId, code)
				.retrieve()
				.bodyToMono(User.class)
				.onErrorResume(WebClientResponseException.Unauthorized.class, (ex) -> Mono.empty());
		}

		@Override
		public Optional<User> verifyTotpBlocking(String userId, String code) {
			// as long as the client's blocking twin waits by default
			return verifyTotp(userId, code).blockOptional(ClientOptions.DEFAULT_CALL_TIMEOUT);
		}

	}

}
