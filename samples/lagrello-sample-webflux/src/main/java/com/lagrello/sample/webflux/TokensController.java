package com.lagrello.sample.webflux;

import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import com.lagrello.sample.support.NewToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creates, lists and deletes the tenant's tokens, end to end reactive.
 */
@RestController
@RequestMapping("/tokens")
class TokensController {

	private final TokensClient tokens;

	TokensController(TokensClient tokens) {
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Token> create(@RequestBody NewToken token) {
		return Mono.fromSupplier(token::toRequest).flatMap(this.tokens::create);
	}

	/**
	 * Streams every token as {@code listAll} receives them, page after page: a JSON
	 * array, or one token per line with {@code Accept: application/x-ndjson}.
	 */
	@GetMapping(produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_NDJSON_VALUE })
	Flux<Token> list() {
		return this.tokens.listAll();
	}

	/**
	 * Revokes every token whose name starts with the prefix, through {@code deleteAll}:
	 * it lists first, never deletes the application's own token, and holds back on a rate
	 * limit. A blank prefix would revoke everything, so it is refused.
	 */
	@DeleteMapping(params = "namePrefix")
	Mono<RevokedTokens> revokeByNamePrefix(@RequestParam String namePrefix) {
		if (namePrefix.isBlank()) {
			return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "namePrefix must not be blank"));
		}
		return this.tokens.deleteAll((token) -> token.tokenName().startsWith(namePrefix)).map(RevokedTokens::of);
	}

	@DeleteMapping("/{tokenKey}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> delete(@PathVariable String tokenKey) {
		return this.tokens.delete(tokenKey);
	}

}
