package com.lagrello.sample.mvc;

import java.util.List;

import com.lagrello.client.AuthClient;
import com.lagrello.client.BlockingAuthClient;
import com.lagrello.client.BlockingTenantClient;
import com.lagrello.client.BlockingTokensClient;
import com.lagrello.client.BlockingUsersClient;
import com.lagrello.client.LagrelloClient;
import com.lagrello.client.TenantClient;
import com.lagrello.client.TokensClient;
import com.lagrello.client.UsersClient;
import com.lagrello.test.AutoConfigureFakeLagrello;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter brings Spring's reactive WebClient, but the sample stays a servlet
 * application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeLagrello(seedTokens = 4)
class ServletApplicationTests {

	@Test
	void applicationRunsAsAServletWebApplication() {
		SpringApplication application = new SpringApplication(MvcSampleApplication.class);
		assertThat(application.getWebApplicationType()).isEqualTo(WebApplicationType.SERVLET);
	}

	@Test
	void runsInAServletWebServerContextWithEveryLagrelloClient(@Autowired ApplicationContext context) {
		assertThat(context).isInstanceOf(ServletWebServerApplicationContext.class)
			.isNotInstanceOf(ReactiveWebApplicationContext.class);
		assertThat(context.getBeansOfType(DispatcherServlet.class)).hasSize(1);
		assertThat(context.getBeansOfType(TokensClient.class)).hasSize(1);
		for (Class<?> client : List.of(LagrelloClient.class, UsersClient.class, AuthClient.class, TenantClient.class,
				BlockingTokensClient.class, BlockingUsersClient.class, BlockingAuthClient.class,
				BlockingTenantClient.class)) {
			assertThat(context.getBeansOfType(client)).as(client.getSimpleName()).hasSize(1);
		}
	}

}
