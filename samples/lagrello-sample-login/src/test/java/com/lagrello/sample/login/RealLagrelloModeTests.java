package com.lagrello.sample.login;

import com.lagrello.test.FakeLagrelloServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a Lagrello connection configured, the sample runs on it: no embedded fake, and so
 * no mailbox page (magic links go by e-mail) and no change to the tenant at start-up. No
 * request reaches the configured address in these tests.
 */
@SpringBootTest(properties = { "lagrello.base-url=http://127.0.0.1:9", "lagrello.access-token=sample-test-token" })
@AutoConfigureMockMvc
class RealLagrelloModeTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void thereIsNoEmbeddedFake() {
		assertThat(this.context.getBeanProvider(FakeLagrelloServer.class).getIfAvailable()).isNull();
	}

	@Test
	void theMailboxIsNotThere() throws Exception {
		this.mvc.perform(get("/mailbox")).andExpect(status().isNotFound());
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/mailbox"))));
	}

}
