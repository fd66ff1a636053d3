package com.lagrello.security.web.server;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ServerOneTimeTokenGenerationFailureWebFilter}: a link request whose token
 * service failed goes to the failure URL; any other failure, any other request and a
 * response already sent keep their error.
 */
class ServerOneTimeTokenGenerationFailureWebFilterTests {

	private final ServerOneTimeTokenGenerationFailureWebFilter filter = ServerOneTimeTokenGenerationFailureWebFilter
		.redirectingTo("/login?unavailable");

	@Test
	void aLinkRequestLagrelloCouldNotSendIsRedirectedToTheFailureUrl() {
		MockServerWebExchange exchange = linkRequest();
		StepVerifier.create(this.filter.filter(exchange, failing(new AuthenticationServiceException("503"))))
			.verifyComplete();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(exchange.getResponse().getHeaders().getLocation()).hasToString("/login?unavailable");
	}

	@Test
	void aFailureOtherThanAnAuthenticationExceptionKeepsItsError() {
		IllegalStateException bug = new IllegalStateException("a bug");
		StepVerifier.create(this.filter.filter(linkRequest(), failing(bug))).verifyErrorSatisfies((error) -> {
			assertThat(error).isSameAs(bug);
		});
	}

	@Test
	void aRequestThatAsksForNoLinkKeepsItsError() {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/login/ott"));
		StepVerifier.create(this.filter.filter(exchange, failing(new AuthenticationServiceException("503"))))
			.verifyError(AuthenticationServiceException.class);
		assertThat(exchange.getResponse().getHeaders().getLocation()).isNull();
	}

	@Test
	void aMatcherThatAnswersNothingLetsTheRequestThrough() {
		ServerOneTimeTokenGenerationFailureWebFilter silent = new ServerOneTimeTokenGenerationFailureWebFilter(
				(exchange) -> Mono.empty(), new RedirectServerAuthenticationFailureHandler("/login?error"));
		AtomicBoolean passed = new AtomicBoolean();
		StepVerifier.create(silent.filter(linkRequest(), (exchange) -> Mono.fromRunnable(() -> passed.set(true))))
			.verifyComplete();
		assertThat(passed).isTrue();
	}

	@Test
	void aResponseAlreadySentKeepsItsError() {
		MockServerWebExchange exchange = linkRequest();
		WebFilterChain sentThenFailed = (
				sent) -> sent.getResponse().setComplete().then(Mono.error(new AuthenticationServiceException("503")));
		StepVerifier.create(this.filter.filter(exchange, sentThenFailed))
			.verifyError(AuthenticationServiceException.class);
	}

	@Test
	void theFailureUrlMustBeAPathOfTheApplication() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServerOneTimeTokenGenerationFailureWebFilter.redirectingTo("https://elsewhere.example/"))
			.withMessageContaining("failureUrl must be a path of this application");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ServerOneTimeTokenGenerationFailureWebFilter.redirectingTo("//elsewhere.example/"));
	}

	private static MockServerWebExchange linkRequest() {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/ott/generate"));
	}

	private static WebFilterChain failing(Throwable failure) {
		return (exchange) -> Mono.error(failure);
	}

}
