package com.lagrello.sample.mvc;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.lagrello.client.Token;
import com.lagrello.test.AutoConfigureFakeLagrello;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on virtual threads: its requests, and the blocking client calls in them, run
 * on virtual threads. Runs where the build sets {@code spring.threads.virtual.enabled}
 * for the sample's tests, which is on Java 21 and later (the {@code virtual-threads}
 * profile of this module's pom); every other test of the sample then runs on virtual
 * threads too.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeLagrello(seedTokens = 2)
@EnabledIfSystemProperty(named = "spring.threads.virtual.enabled", matches = "true")
class VirtualThreadsTests {

	@Test
	void listsTokensFromARequestOnAVirtualThread(@LocalServerPort int port) throws Exception {
		RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
		List<Token> listed = client.get()
			.uri("/tokens")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Token>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(listed).hasSize(3);
		assertThat(RequestThreads.seen).isNotEmpty();
		for (Thread thread : RequestThreads.seen) {
			assertThat(isVirtual(thread)).as("%s is a virtual thread", thread).isTrue();
		}
	}

	// Thread.isVirtual() is Java 21 API; the sample compiles for Java 17
	private static boolean isVirtual(Thread thread) throws ReflectiveOperationException {
		return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RequestThreads {

		static final List<Thread> seen = new CopyOnWriteArrayList<>();

		@Bean
		OncePerRequestFilter requestThreadRecorder() {
			return new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					seen.add(Thread.currentThread());
					chain.doFilter(request, response);
				}

			};
		}

	}

}
