package com.lagrello.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.lagrello.client.LagrelloTransportException;
import com.lagrello.client.TokensClient;
import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code lagrello.connect-timeout} and {@code lagrello.pool.max-idle-time} reach the
 * connector, against peers on loopback.
 */
class ConnectionSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, LagrelloAutoConfiguration.class))
		.withPropertyValues("lagrello.access-token=connection-test-token", "lagrello.retry.max-attempts=1");

	@Test
	void connectionThatIsNotAcceptedInTimeFailsAsNotSentAfterTheConnectTimeout() throws IOException {
		// a listener that never accepts, its backlog filled: the kernel drops further
		// SYNs
		try (ServerSocket listener = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			List<Socket> fillers = new ArrayList<>();
			try {
				for (int i = 0; i < 8; i++) {
					Socket filler = new Socket();
					try {
						filler.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()), 200);
						fillers.add(filler);
					}
					catch (IOException backlogFull) {
						filler.close();
						break;
					}
				}
				this.runner
					.withPropertyValues("lagrello.base-url=http://127.0.0.1:" + listener.getLocalPort(),
							"lagrello.connect-timeout=300ms", "lagrello.read-timeout=30s")
					.run((context) -> StepVerifier.create(context.getBean(TokensClient.class).listPage(0, 1))
						.expectErrorSatisfies(
								(error) -> assertThat(error).isInstanceOfSatisfying(LagrelloTransportException.class,
										(transport) -> assertThat(transport.requestSent()).isFalse()))
						.verify(Duration.ofSeconds(10)));
			}
			finally {
				for (Socket filler : fillers) {
					filler.close();
				}
			}
		}
	}

	@Test
	void idleConnectionIsClosedAfterMaxIdleTime() {
		try (ScriptedServer server = ScriptedServer.start((request) -> Reply.status(204))) {
			// idle long enough that the open connection is still there to see on a slow
			// machine
			this.runner.withPropertyValues("lagrello.base-url=" + server.baseUrl(), "lagrello.pool.max-idle-time=1s")
				.run((context) -> {
					context.getBean(TokensClient.class).delete("abc").block(Duration.ofSeconds(5));
					assertThat(server.openConnections()).isEqualTo(1);
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(server.openConnections()).isEqualTo(0));
				});
		}
	}

}
