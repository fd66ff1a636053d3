package com.lagrello.sample.mvc;

import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.User;
import com.lagrello.sample.support.NewUser;
import com.lagrello.sample.support.TotpCode;
import com.lagrello.sample.support.TotpSignUp;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signs users up with TOTP and checks their codes from blocking code, on servlet threads,
 * through the starter's {@link BlockingUsersClient} and {@link BlockingAuthClient}. A
 * wrong code is an answer ({@code 401}), never a failure; a Lagrello that cannot be
 * reached is a {@code 502}, never taken for a wrong code.
 */
@RestController
@RequestMapping("/users")
class UsersController {

	private final BlockingUsersClient users;

	private final BlockingAuthClient auth;

	UsersController(BlockingUsersClient users, BlockingAuthClient auth) {
		this.users = users;
		this.auth = auth;
	}

	/**
	 * Creates the user and enables TOTP, answering the link to the QR code for the user's
	 * authenticator app: show it once; it is never logged.
	 */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	TotpSignUp signUp(@RequestBody NewUser user) {
		User created = this.users.create(user.toRequest());
		return TotpSignUp.of(created, this.auth.enableTotp(created.userId()));
	}

	/**
	 * Checks a code: {@code 200} with the user when it is good, {@code 401} when it is
	 * wrong or already used.
	 */
	@PostMapping("/{userId}/totp/verify")
	ResponseEntity<User> verify(@PathVariable String userId, @RequestBody TotpCode code) {
		return this.auth.verifyTotp(userId, code.code())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED).build());
	}

}
