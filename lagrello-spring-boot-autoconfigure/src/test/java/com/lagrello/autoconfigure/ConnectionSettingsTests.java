package com.lagrello.autoconfigure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.lagrello.client.LagrelloTransportException;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
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
		AtomicInteger openConnections = new AtomicInteger();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, remoteAddress) -> {
				openConnections.incrementAndGet();
				channel.closeFuture().addListener((closed) -> openConnections.decrementAndGet());
			})
			// answered off the event loop: reactor-netty#4361
			.handle((request, response) -> response.status(204)
				.send(Mono.<io.netty.buffer.ByteBuf>empty().subscribeOn(Schedulers.parallel())))
			.bindNow();
		try {
			this.runner
				.withPropertyValues("lagrello.base-url=http://127.0.0.1:" + server.port(),
						"lagrello.pool.max-idle-time=200ms")
				.run((context) -> {
					context.getBean(TokensClient.class).delete("abc").block(Duration.ofSeconds(5));
					assertThat(openConnections).hasValue(1);
					await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(openConnections).hasValue(0));
				});
		}
		finally {
			server.disposeNow();
		}
	}

}
