package com.lagrello.sample.webflux;

import com.lagrello.client.AuthClient;
import com.lagrello.client.User;
import com.lagrello.client.UsersClient;
import com.lagrello.sample.support.NewUser;
import com.lagrello.sample.support.TotpCode;
import com.lagrello.sample.support.TotpSignUp;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signs users up with TOTP and checks their codes, end to end reactive, through the
 * starter's {@link UsersClient} and {@link AuthClient}. A wrong code is an empty answer
 * ({@code 401}), never an error; a Lagrello that cannot be reached is a {@code 502},
 * never taken for a wrong code.
 */
@RestController
@RequestMapping("/users")
class UsersController {

	private final UsersClient users;

	private final AuthClient auth;

	UsersController(UsersClient users, AuthClient auth) {
		this.users = users;
		this.auth = auth;
	}

	/**
	 * Creates the user and enables TOTP, answering the link to the QR code for the user's
	 * authenticator app: show it once; it is never logged.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<TotpSignUp> signUp(@RequestBody NewUser user) {
		return Mono.fromSupplier(user::toRequest)
			.flatMap(this.users::create)
			.flatMap((created) -> this.auth.enableTotp(created.userId()).map((totp) -> TotpSignUp.of(created, totp)));
	}

	/**
	 * Checks a code: {@code 200} with the user when it is good, {@code 401} when it is
	 * wrong or already used.
	 */
	@PostMapping("/{userId}/totp/verify")
	Mono<ResponseEntity<User>> verify(@PathVariable String userId, @RequestBody TotpCode code) {
		return this.auth.verifyTotp(userId, code.code())
			.map(ResponseEntity::ok)
			.defaultIfEmpty(ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
	}

}
