package com.lagrello.sample.webflux;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.lagrello.autoconfigure.LagrelloProperties;
import com.lagrello.client.CreateTokenRequest;
import com.lagrello.client.Permission;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import com.lagrello.test.FakeLagrelloServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * With {@code sample.demo=true}, shows the client at start-up: creates tokens, lists them
 * all with {@code listAll} page after page, deletes one and reads
 * {@code /actuator/health}. The application then keeps serving.
 * <p>
 * It starts once the application accepts traffic rather than as an
 * {@code ApplicationRunner}: until then the readiness state would make the health
 * endpoint answer {@code OUT_OF_SERVICE}.
 * <p>
 * It runs against the embedded fake API only: it must not leave demo tokens in a real
 * tenant.
 */
@Component
@ConditionalOnBooleanProperty("sample.demo")
class TokensDemo {

	private static final Logger logger = LoggerFactory.getLogger(TokensDemo.class);

	// blocking is fine here: the readiness event comes on the main thread, never on an
	// event loop
	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final TokensClient tokens;

	private final LagrelloProperties properties;

	private final ObjectProvider<FakeLagrelloServer> fakeServer;

	private final WebClient.Builder webClientBuilder;

	private final Environment environment;

	private final AtomicBoolean started = new AtomicBoolean();

	TokensDemo(TokensClient tokens, LagrelloProperties properties, ObjectProvider<FakeLagrelloServer> fakeServer,
			WebClient.Builder webClientBuilder, Environment environment) {
		this.tokens = tokens;
		this.properties = properties;
		this.fakeServer = fakeServer;
		this.webClientBuilder = webClientBuilder;
		this.environment = environment;
	}

	@EventListener
	void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && this.started.compareAndSet(false, true)) {
			run();
		}
	}

	private void run() {
		if (this.fakeServer.getIfAvailable() == null) {
			logger.info("Demo skipped: it runs against the embedded fake Lagrello API only, not a real tenant");
			return;
		}
		List<Token> created = create();
		listAll();
		delete(created.get(1));
		health();
		logger.info("Demo done. The application keeps serving: curl -s http://localhost:{}/tokens (Ctrl+C to stop)",
				port());
	}

	private List<Token> create() {
		logger.info("Demo 1/4: creating tokens");
		return Flux
			.just(CreateTokenRequest.of("demo-ci", Permission.WRITE), CreateTokenRequest.of("demo-dashboard"),
					CreateTokenRequest.of("demo-ops", Permission.WRITE, Permission.ADMIN))
			.concatMap(this.tokens::create)
			.doOnNext((token) -> logger.info("Created token '{}' with {}", token.tokenName(), token.permissions()))
			.collectList()
			.block(TIMEOUT);
	}

	private void listAll() {
		int pageSize = this.properties.getPagination().getPageSize();
		logger.info("Demo 2/4: listing every token with listAll(), {} per page (lagrello.pagination.page-size)",
				pageSize);
		Long count = this.tokens.listAll()
			.doOnNext((token) -> logger.info("Listed token '{}' created by {} at {}", token.tokenName(),
					token.createdBy(), token.createdAt()))
			.count()
			.block(TIMEOUT);
		logger.info("Listed {} tokens with listAll(), which followed paging.next across {} pages", count,
				(count + pageSize - 1) / pageSize);
	}

	private void delete(Token token) {
		logger.info("Demo 3/4: deleting token '{}'", token.tokenName());
		this.tokens.delete(token.tokenKey()).block(TIMEOUT);
		logger.info("Deleted token '{}'", token.tokenName());
	}

	private void health() {
		logger.info("Demo 4/4: GET /actuator/health");
		JsonNode health = this.webClientBuilder.build()
			.get()
			.uri("http://localhost:{port}/actuator/health", port())
			.retrieve()
			.bodyToMono(JsonNode.class)
			.block(TIMEOUT);
		JsonNode lagrello = health.path("components").path("lagrello");
		logger.info("Health is {}; its lagrello component is {}: {}", health.path("status").asString(),
				lagrello.path("status").asString(), lagrello);
	}

	private String port() {
		return this.environment.getProperty("local.server.port", "8080");
	}

}
