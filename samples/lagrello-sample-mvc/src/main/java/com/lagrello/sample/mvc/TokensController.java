package com.lagrello.sample.mvc;

import java.time.Duration;
import java.util.List;

import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import com.lagrello.sample.support.NewToken;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates, lists and deletes the tenant's tokens from blocking code, on servlet threads.
 * Each call waits for the reactive client with a bound, so that a slow API cannot hold a
 * request thread forever.
 */
@RestController
@RequestMapping("/tokens")
class TokensController {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TokensClient tokens;

	TokensController(TokensClient tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Token create(@RequestBody NewToken token) {
		return this.tokens.create(token.toRequest()).block(TIMEOUT);
	}

	@GetMapping
	List<Token> list() {
		return this.tokens.listAll().collectList().block(TIMEOUT);
	}

	@DeleteMapping("/{tokenKey}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String tokenKey) {
		this.tokens.delete(tokenKey).block(TIMEOUT);
	}

}
