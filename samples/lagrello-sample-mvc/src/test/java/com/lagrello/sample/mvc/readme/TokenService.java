package com.lagrello.sample.mvc.readme;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;

/**
 * The README's servlet example, compiled and tested as it is printed there.
 */
// README:service
@Service
class TokenService {

	private final BlockingTokensClient tokens;

	// a 429 means refused, not applied: a create may be sent again, a second later
	private final RetryTemplate rateLimited = new RetryTemplate(RetryPolicy.builder()
		.predicate(ex -> ex instanceof LagrelloApiException api && api.statusCode() == 429)
		.maxRetries(2)
		.delay(Duration.ofSeconds(1))
		.build());

	TokenService(BlockingTokensClient tokens) {
		this.tokens = tokens;
	}

	Token createCiToken() {
		return rateLimited.invoke(() -> tokens.create(CreateTokenRequest.of("ci", Permission.WRITE)));
	}

	List<String> tokenNames() {
		// pages are fetched as the stream is read
		try (Stream<Token> all = tokens.listAll()) {
			return all.map(Token::tokenName).toList();
		}
	}

	void revoke(String tokenKey) {
		tokens.delete(tokenKey);
	}

	DeleteAllResult revokeCiTokens() {
		return tokens.deleteAll(token -> token.tokenName().startsWith("ci-"));
	}

}
// README:end
