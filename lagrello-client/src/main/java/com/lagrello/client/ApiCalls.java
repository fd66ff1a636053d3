package com.lagrello.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import com.lagrello.client.bulk.BatchAccessTokens;
import com.lagrello.client.call.AnswerRule;
import com.lagrello.client.call.Attempt;
import com.lagrello.client.call.CallCoordination;
import com.lagrello.client.call.Deadline;
import com.lagrello.client.call.ErrorAnswers;
import com.lagrello.client.call.Failures;
import com.lagrello.client.call.Operation;
import com.lagrello.client.call.OperationObservations;
import com.lagrello.client.call.RetryAllowance;
import com.lagrello.client.call.TransientFailureRetry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriUtils;

/**
 * The calls of one client, shared by every API area of a root: its options and resources,
 * its one {@link WebClient}, its observations and failure translation, and the call
 * pipeline every operation goes through. The areas only state their operations and build
 * their requests. Immutable and thread-safe.
 */
final class ApiCalls {

	/** The request attribute WebClient reads the observed URI template from. */
	static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private final ClientOptions options;

	private final ClientResources resources;

	private final WebClient webClient;

	private final DefaultUriBuilderFactory uris;

	// the API's templates, a fixed few, each expanded once by the factory
	private final Map<String, UrlTemplate> templates = new ConcurrentHashMap<>();

	private final Failures failures;

	private final OperationObservations observations;

	ApiCalls(ClientOptions options, ClientResources resources) {
		this.options = options;
		this.resources = resources;
		DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(options.baseUrl().toString());
		// the base URL is already encoded (ASCII): only the values are encoded, strictly,
		// each as one path segment or one query value
		uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.VALUES_ONLY);
		WebClient.Builder builder = options.webClientBuilder()
			.clone()
			.uriBuilderFactory(uris)
			.defaultHeaders((headers) -> headers.setAccept(List.of(MediaType.APPLICATION_JSON)))
			// request details would log the Authorization header
			.codecs((codecs) -> codecs.defaultCodecs().enableLoggingRequestDetails(false))
			// first: the application's filters may make a request anew without its
			// attributes
			.filters((filters) -> filters.add(0, SecretUrl.INTO_CONTEXT))
			.filter(JsonByDefault.FILTER);
		if (options.clientConnector() != null) {
			// the real URL of a request with a secret is only the connector's to see
			builder.clientConnector(new UnmaskingConnector(options.clientConnector()));
		}
		else {
			// the builder's own connector: the last filter restores the URL, and the
			// exchange function logs it at DEBUG
			builder.filter(SecretUrl.FILTER);
		}
		this.webClient = builder.build();
		this.uris = uris;
		this.failures = new Failures(options.baseUrl());
		this.observations = new OperationObservations(options.observationRegistry());
	}

	ClientOptions options() {
		return this.options;
	}

	ClientResources resources() {
		return this.resources;
	}

	WebClient webClient() {
		return this.webClient;
	}

	/**
	 * Returns a template of the API, made once per client and template: expanding it does
	 * not parse it again.
	 * @param template the template, for example {@code /v1/users/{userId}}
	 * @return the template
	 */
	UrlTemplate template(String template) {
		UrlTemplate made = this.templates.get(template);
		return (made != null) ? made
				: this.templates.computeIfAbsent(template, (each) -> UrlTemplate.of(this.uris, each));
	}

	/**
	 * Expands a template of the API with its values, each encoded strictly as one path
	 * segment or one query value ({@link UrlTemplate#encode(String)}): {@code /},
	 * {@code ?}, {@code #}, {@code %}, {@code +}, {@code &}, {@code =} and spaces
	 * included, and the dots of a value that is a dot segment ({@code .}, {@code ..}),
	 * which would otherwise address another path.
	 * @param template the template, for example {@code /v1/users/{userId}}
	 * @param values the values of its variables, in order
	 * @return the URL
	 */
	URI expand(String template, String... values) {
		return template(template).expand(values);
	}

	/**
	 * Calls an operation with one request per attempt.
	 * @param operation the operation
	 * @param method the request's method
	 * @param url the request's URL
	 * @param body the request's body, sent as JSON, or {@code null} for none
	 * @param answer the type of the answer's body, {@code Void} for none
	 * @return the call
	 */
	<T> Mono<T> call(Operation operation, HttpMethod method, URI url, @Nullable Object body, Class<T> answer) {
		return call(operation, (attempt) -> exchange(operation, attempt, method, url, null, body, answer));
	}

	/**
	 * Calls an operation whose URL carries a secret, with one request per attempt: the
	 * secret is masked in everything WebClient sees and redacted from whatever the answer
	 * says.
	 * @param operation the operation
	 * @param method the request's method
	 * @param url the request's URL
	 * @param secret the secret the URL carries
	 * @param answer the type of the answer's body, {@code Void} for none
	 * @return the call
	 */
	<T> Mono<T> call(Operation operation, HttpMethod method, SecretUrl url, String secret, Class<T> answer) {
		return call(operation, (attempt) -> exchange(operation, attempt, method, url, secret, answer));
	}

	/**
	 * One attempt's exchange of a request whose URL carries a secret: the secret is
	 * masked in everything WebClient sees and redacted, as given and encoded, from
	 * whatever the answer says.
	 * @param operation the operation
	 * @param attempt the attempt
	 * @param method the request's method
	 * @param url the request's URL
	 * @param secret the secret the URL carries
	 * @param answer the type of the answer's body, {@code Void} for none
	 * @return the exchange
	 */
	<T> Mono<T> exchange(Operation operation, Attempt attempt, HttpMethod method, SecretUrl url, String secret,
			Class<T> answer) {
		Attempt redacting = attempt.alsoRedacting(secret, UriUtils.encode(secret, StandardCharsets.UTF_8));
		return exchange(operation, redacting, method, url.masked(), url, null, answer);
	}

	@SuppressWarnings("unchecked")
	private <T> Mono<T> exchange(Operation operation, Attempt attempt, HttpMethod method, URI url,
			@Nullable SecretUrl secretUrl, @Nullable Object body, Class<T> answer) {
		WebClient.RequestBodySpec request = this.webClient.method(method)
			.uri(url)
			.attribute(URI_TEMPLATE_ATTRIBUTE, operation.uriTemplate())
			.httpRequest(attempt.authorization());
		if (secretUrl != null) {
			request.attribute(SecretUrl.ATTRIBUTE, secretUrl);
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
		}
		WebClient.ResponseSpec response = request.retrieve()
			.onStatus(ApiCalls::isNotSuccess, (error) -> ErrorAnswers.toException(attempt, error));
		if (answer == Void.class) {
			return (Mono<T>) response.toBodilessEntity().then();
		}
		return response.bodyToMono(answer).switchIfEmpty(noBody(operation));
	}

	/**
	 * One call of an operation, composed of one-job stages, outermost first: its
	 * observation; its deadline (the call timeout); the retry of what the operation's
	 * rule allows, within the retry budget and in step with the batch the call belongs
	 * to; then each attempt: the current access token, the attempt timeout, the
	 * translation of its failure. The operation's answer rule applies inside the
	 * observation, which so records what the caller sees.
	 * @param operation the operation
	 * @param exchange one attempt's exchange
	 * @return the call
	 */
	<T> Mono<T> call(Operation operation, Function<Attempt, Mono<T>> exchange) {
		return this.observations.observe(operation.id(), (trace) -> Mono.deferContextual((context) -> {
			Deadline deadline = Deadline.start(this.options.callTimeout());
			RetryAllowance allowance = this.resources.retryAllowance();
			allowance.recordCall();
			AtomicBoolean possiblyApplied = new AtomicBoolean();
			// every attempt of the call runs in the call's context
			BatchAccessTokens batch = BatchAccessTokens.of(context);
			Mono<T> attempt = Mono.defer(() -> {
				trace.attemptStarted();
				this.resources.checkOpen(operation.id());
				String token = currentAccessToken(operation.id());
				// before it is sent: a bulk delete never deletes a token it authenticates
				// with
				if (batch != null) {
					batch.used(token);
				}
				Attempt current = new Attempt(operation.id(), token, this.options.redactedSecrets());
				return withinTimeouts(operation.id(), exchange.apply(current), deadline).onErrorMap((failure) -> {
					Throwable translated = this.failures.translate(current, failure);
					if (AnswerRule.mayHaveBeenApplied(translated)) {
						possiblyApplied.set(true);
					}
					return translated;
				});
			});
			Mono<T> retried = new TransientFailureRetry(this.options.retryPolicy(), operation, deadline,
					CallCoordination.of(context), allowance, trace)
				.retrying(attempt);
			return operation.answer().apply(retried, possiblyApplied, trace);
		}));
	}

	/**
	 * Bounds an attempt by one timer: the read timeout, or what is left of the call
	 * timeout when that is shorter. The waits between attempts never pass the deadline
	 * (the retry gives up first), so no timer of the whole call is needed. Reactor's
	 * {@code timeout} operator, its timers on the client's {@link TimeoutWheel}.
	 */
	private <T> Mono<T> withinTimeouts(String operation, Mono<T> exchange, Deadline deadline) {
		Duration readTimeout = this.options.readTimeout();
		Duration left = deadline.left();
		if (left.compareTo(readTimeout) >= 0) {
			return exchange.timeout(readTimeout,
					Mono.error(() -> LagrelloTimeoutException.readTimeout(operation, readTimeout)),
					this.resources.timeouts());
		}
		Duration callTimeout = this.options.callTimeout();
		return exchange.timeout(left, Mono.error(
				() -> LagrelloTimeoutException.callTimeout(operation, callTimeout, "ran out before the answer came")),
				this.resources.timeouts());
	}

	/**
	 * The access token to send now, stripped.
	 * @param operation the operation, for the message of a failure
	 * @return the token
	 * @throws LagrelloException if the supplier fails or gives a blank token
	 */
	String currentAccessToken(String operation) {
		String token;
		try {
			token = this.options.accessToken().get();
		}
		catch (RuntimeException ex) {
			// its message may hold what the supplier holds: the class only, the cause
			// kept
			throw new LagrelloException(
					operation + " was not sent: the access token supplier failed (" + ex.getClass().getName() + ")",
					ex);
		}
		if (token == null || token.isBlank()) {
			throw new LagrelloException(operation + " was not sent: the access token supplier gave a blank token");
		}
		// what the server compares, which trims the header: the guards compare the same
		return token.strip();
	}

	/**
	 * Returns the call, or its refusal of an invalid argument as a failed {@code Mono}:
	 * nothing is sent.
	 * @param call checks the arguments and returns the call
	 * @return the call or its refusal
	 */
	static <T> Mono<T> checked(Supplier<Mono<T>> call) {
		try {
			return call.get();
		}
		catch (LagrelloInvalidArgumentException refused) {
			return Mono.error(refused);
		}
	}

	static boolean isNotSuccess(HttpStatusCode status) {
		return !status.is2xxSuccessful();
	}

	/**
	 * The failure of an answer that should have had a body and had none.
	 */
	static <T> Mono<T> noBody(Operation operation) {
		return Mono
			.error(() -> new LagrelloDecodingException(operation.id() + " failed: the answer had no body", null));
	}

	@Override
	public String toString() {
		return "ApiCalls[baseUrl=" + this.options.baseUrl() + "]";
	}

}
