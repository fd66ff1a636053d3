package com.lagrello.sample.login;

import com.lagrello.client.User;
import com.lagrello.test.FakeFault;
import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-up, against the sample's embedded fake Lagrello.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SignUpTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private FakeLagrelloServer lagrello;

	@AfterEach
	void clearFaults() {
		this.lagrello.clearFaults();
	}

	@Test
	void signUpCreatesTheLagrelloUserAndAPasswordAccount() throws Exception {
		String username = TestUsers.unique("ann");
		this.mvc.perform(signUp(username)).andExpect(status().isFound()).andExpect(redirectedUrl("/?signedUp"));
		assertThat(this.lagrello.user(username)).map(User::email).contains(TestUsers.email(username));
		this.mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD))
			.andExpect(authenticated().withUsername(username));
	}

	@Test
	void aTakenNameIsRefused() throws Exception {
		String username = TestUsers.unique("bob");
		this.mvc.perform(signUp(username)).andExpect(status().isFound());
		this.mvc.perform(signUp(username))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The user name " + username + " is taken")));
	}

	@Test
	void aNameTakenInLagrelloOnlyIsRefusedAndNoPasswordAccountIsMade() throws Exception {
		String username = TestUsers.unique("carol");
		this.lagrello.addUser(username, null);
		this.mvc.perform(signUp(username))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is taken")));
		this.mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD)).andExpect(unauthenticated());
	}

	@Test
	void aShortPasswordIsRefusedBeforeLagrelloIsAsked() throws Exception {
		String username = TestUsers.unique("dan");
		this.mvc
			.perform(post("/signup").with(csrf())
				.param("username", username)
				.param("email", TestUsers.email(username))
				.param("password", "short"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("at least 8 characters")));
		assertThat(this.lagrello.user(username)).isEmpty();
	}

	@Test
	void lagrelloAnswering503ShowsTheUnavailablePage() throws Exception {
		String username = TestUsers.unique("erin");
		this.lagrello.failNext(HttpMethod.POST, 1, FakeFault.status(503));
		this.mvc.perform(signUp(username))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsString("Lagrello is unavailable")));
		this.mvc.perform(formLogin().user(username).password(TestUsers.PASSWORD)).andExpect(unauthenticated());
	}

	static org.springframework.test.web.servlet.RequestBuilder signUp(String username) {
		return post("/signup").with(csrf())
			.param("username", username)
			.param("email", TestUsers.email(username))
			.param("password", TestUsers.PASSWORD);
	}

}
