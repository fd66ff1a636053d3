package com.lagrello.client.call;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ClientHttpRequest;

/**
 * One attempt of a call: the access token it sends, as the writer of its
 * {@code Authorization} header, and the redaction of every secret it carries (the token,
 * the client's other secrets, a secret of the request itself such as the key of a token
 * to delete) from whatever its answer or its failure says. The token has no accessor:
 * error mappers get the redaction, never the secret; {@link #toString()} leaves it out.
 */
public final class Attempt {

	private final String operation;

	private final String accessToken;

	private final List<String> otherSecrets;

	public Attempt(String operation, String accessToken, List<String> otherSecrets) {
		this.operation = operation;
		this.accessToken = accessToken;
		this.otherSecrets = otherSecrets;
	}

	/**
	 * Returns the API operation this attempt belongs to.
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Sets the bearer token on the request as it is written, rather than among the
	 * request's headers: no header map is copied per request, and no filter sees the
	 * token.
	 */
	public Consumer<ClientHttpRequest> authorization() {
		String token = this.accessToken;
		return (request) -> request.getHeaders().setBearerAuth(token);
	}

	/**
	 * Returns the text with every secret of this attempt replaced by {@code ****}.
	 */
	@Nullable String redact(@Nullable String text) {
		return redact(text, this.accessToken, this.otherSecrets);
	}

	/**
	 * Returns this attempt redacting more secrets: those its request carries, in every
	 * form.
	 */
	public Attempt alsoRedacting(String... requestSecret) {
		List<String> secrets = new ArrayList<>(this.otherSecrets);
		secrets.addAll(List.of(requestSecret));
		return new Attempt(this.operation, this.accessToken, secrets);
	}

	@Override
	public String toString() {
		return "Attempt[" + this.operation + "]";
	}

	/**
	 * Replaces every occurrence of the secret in a text from elsewhere, say a server's
	 * error message that echoes the token it refused.
	 */
	private static @Nullable String redact(@Nullable String text, String secret) {
		return (text != null && !secret.isEmpty() && text.contains(secret)) ? text.replace(secret, "****") : text;
	}

	/**
	 * Replaces every occurrence of the access token and of the other secrets, the longest
	 * first, so that a secret containing another is replaced whole.
	 */
	private static @Nullable String redact(@Nullable String text, String accessToken, List<String> others) {
		if (others.isEmpty()) {
			return redact(text, accessToken);
		}
		String redacted = text;
		for (String secret : Stream.concat(Stream.of(accessToken), others.stream())
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList()) {
			redacted = redact(redacted, secret);
		}
		return redacted;
	}

}
