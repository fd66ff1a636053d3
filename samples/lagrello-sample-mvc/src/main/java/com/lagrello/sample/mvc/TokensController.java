package com.lagrello.sample.mvc;

import java.util.List;
import java.util.stream.Stream;

import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.Token;
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
 * Creates, lists and deletes the tenant's tokens from blocking code, on servlet threads,
 * through the starter's {@link BlockingTokensClient}: every call is bounded by
 * {@code lagrello.call-timeout}, so a slow API cannot hold a request thread forever.
 */
@RestController
@RequestMapping("/tokens")
class TokensController {

	private final BlockingTokensClient tokens;

	TokensController(BlockingTokensClient tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Token create(@RequestBody NewToken token) {
		return this.tokens.create(token.toRequest());
	}

	@GetMapping
	List<Token> list() {
		try (Stream<Token> all = this.tokens.listAll()) {
			return all.toList();
		}
	}

	@DeleteMapping("/{tokenKey}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String tokenKey) {
		this.tokens.delete(tokenKey);
	}

}
