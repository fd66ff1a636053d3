package com.lagrello.test;

import java.time.Duration;
import java.util.List;

import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloTimeoutException;
import com.lagrello.client.LagrelloTransportException;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakeLagrelloServer#failNext(int, FakeFault)} and the {@link FakeFault}s, seen
 * through a client on the socket.
 */
class FakeLagrelloServerFaultTests {

	private FakeLagrelloServer server;

	private TokensClient tokens;

	@BeforeEach
	void start() {
		this.server = FakeLagrelloServer.builder().seedTokens(2).start();
		this.tokens = TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken(this.server.adminToken())
			.retryPolicy(RetryPolicy.NONE)
			.build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void statusFaultAnswersWithTheErrorBodyAndRetryAfterAndIsNotApplied() {
		this.server.failNext(HttpMethod.POST, 1, FakeFault.status(429).retryAfter(Duration.ofMillis(1200)));
		StepVerifier.create(this.tokens.create(CreateTokenRequest.of("refused")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(LagrelloApiException.class, (api) -> {
				assertThat(api.statusCode()).isEqualTo(429);
				assertThat(api.errorType()).isEqualTo("TOO_MANY_REQUESTS");
				assertThat(api.retryAfter()).contains(Duration.ofSeconds(2));
			}))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.tokens()).hasSize(3);
		assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("POST");
	}

	/**
	 * The documented {@code errorType} of a status fault is the status's name, as before
	 * the fake moved below Spring: Spring's {@code HttpStatus} name, {@code ERROR} for a
	 * status without one.
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(ints = { 413, 414, 418, 422, 425, 451, 499, 508, 509, 520, 429, 503 })
	void statusFaultsErrorTypeIsTheStatussName(int status) {
		HttpStatus named = HttpStatus.resolve(status);
		String expected = (named != null) ? named.name() : "ERROR";
		this.server.failNext(1, FakeFault.status(status));
		StepVerifier.create(this.tokens.listPage(0, 1))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(LagrelloApiException.class,
					(api) -> assertThat(api.errorType()).isEqualTo(expected)))
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void faultsAreUsedUpInTheOrderTheyWereAdded() {
		this.server.failNext(1, FakeFault.status(503));
		this.server.failNext(2, FakeFault.status(500));
		assertThat(statusOfListPage()).isEqualTo(503);
		assertThat(statusOfListPage()).isEqualTo(500);
		assertThat(statusOfListPage()).isEqualTo(500);
		assertThat(statusOfListPage()).isEqualTo(200);
		assertThat(this.server.requests()).hasSize(4);
	}

	@Test
	void faultForOneMethodLeavesTheOthersAnswered() {
		this.server.failNext(HttpMethod.DELETE, 1, FakeFault.status(503));
		assertThat(statusOfListPage()).isEqualTo(200);
		Token doomed = this.server.tokens().get(1);
		StepVerifier.create(this.tokens.delete(doomed.tokenKey()))
			.expectErrorSatisfies((ex) -> assertThat(((LagrelloApiException) ex).statusCode()).isEqualTo(503))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.token(doomed.tokenKey())).isPresent();
	}

	@Test
	void delayHoldsTheAnswerBack() {
		this.server.failNext(1, FakeFault.delay(Duration.ofMinutes(5)));
		TokensClient impatient = this.tokens.mutate().readTimeout(Duration.ofMillis(300)).build();
		StepVerifier.create(impatient.listPage(0, 5))
			.expectError(LagrelloTimeoutException.class)
			.verify(Duration.ofSeconds(10));
	}

	@Test
	void delayedAnswerIsTheNormalAnswer() {
		this.server.failNext(1, FakeFault.delay(Duration.ofMillis(50)));
		StepVerifier.create(this.tokens.create(CreateTokenRequest.of("late")))
			.assertNext((token) -> assertThat(token.tokenName()).isEqualTo("late"))
			.verifyComplete();
		assertThat(this.server.tokens()).extracting(Token::tokenName).contains("late");
	}

	@Test
	void connectionResetClosesBeforeAnyAnswerAndIsNotApplied() {
		this.server.failNext(HttpMethod.POST, 1, FakeFault.connectionReset());
		StepVerifier.create(this.tokens.create(CreateTokenRequest.of("never")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(LagrelloTransportException.class,
					(transport) -> assertThat(transport.responseStarted()).isFalse()))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.tokens()).extracting(Token::tokenName).doesNotContain("never");
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void responseLostAppliesTheRequestThenClosesUnanswered() {
		this.server.failNext(HttpMethod.POST, 1, FakeFault.responseLost());
		StepVerifier.create(this.tokens.create(CreateTokenRequest.of("lost")))
			.expectError(LagrelloTransportException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.tokens()).extracting(Token::tokenName).contains("lost");
	}

	@Test
	void deleteWhoseAnswerWasLostCompletesOnTheRetry() {
		TokensClient retrying = this.tokens.mutate().retryPolicy(RetryPolicy.DEFAULT).build();
		Token doomed = this.server.tokens().get(1);
		this.server.failNext(HttpMethod.DELETE, 1, FakeFault.responseLost());
		StepVerifier.create(retrying.delete(doomed.tokenKey())).expectComplete().verify(Duration.ofSeconds(10));
		assertThat(this.server.token(doomed.tokenKey())).isEmpty();
		assertThat(this.server.requests()).extracting(RecordedRequest::method).containsExactly("DELETE", "DELETE");
	}

	@Test
	void serverAnswersNormallyAfterAFaultClosedTheConnection() {
		this.server.failNext(1, FakeFault.connectionReset());
		StepVerifier.create(this.tokens.listPage(0, 5))
			.expectError(LagrelloTransportException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(statusOfListPage()).isEqualTo(200);
	}

	@Test
	void clearFaultsForgetsThePlannedFaults() {
		this.server.failNext(3, FakeFault.status(503));
		this.server.clearFaults();
		assertThat(statusOfListPage()).isEqualTo(200);
	}

	@Test
	void resetForgetsThePlannedFaults() {
		this.server.failNext(3, FakeFault.status(503));
		this.server.reset();
		assertThat(statusOfListPage()).isEqualTo(200);
	}

	@Test
	void absurdFaultsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FakeFault.status(200));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeFault.status(600));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeFault.delay(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeFault.delay(Duration.ofHours(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> FakeFault.status(429).retryAfter(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FakeFault.status(429).retryAfter(Duration.ofSeconds(Long.MAX_VALUE, 1)));
		assertThatIllegalStateException().isThrownBy(() -> FakeFault.responseLost().retryAfter(Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.failNext(0, FakeFault.status(503)));
		assertThatIllegalArgumentException().isThrownBy(() -> this.server.failNext(1, null));
		assertThat(List.of(FakeFault.status(503).retryAfter(Duration.ofSeconds(1)), FakeFault.responseLost()))
			.extracting(FakeFault::toString)
			.containsExactly("FakeFault.status(503).retryAfter(PT1S)", "FakeFault.responseLost()");
	}

	private int statusOfListPage() {
		try {
			this.tokens.listPage(0, 5).block(Duration.ofSeconds(10));
			return 200;
		}
		catch (LagrelloApiException ex) {
			return ex.statusCode();
		}
	}

}
