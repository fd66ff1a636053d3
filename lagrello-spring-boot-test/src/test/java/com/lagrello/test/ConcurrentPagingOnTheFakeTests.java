package com.lagrello.test;

import java.time.Duration;
import java.util.List;

import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent paging against the fake, whose links are page numbers: 300 tokens, 8 pages
 * at a time, each answer a little late.
 */
class ConcurrentPagingOnTheFakeTests {

	private FakeLagrelloServer server;

	private TokensClient tokens;

	@BeforeEach
	void start() {
		this.server = FakeLagrelloServer.builder().seedTokens(299).start();
		this.tokens = TokensClient.builder()
			.baseUrl(this.server.baseUrl())
			.accessToken(this.server.adminToken())
			.paginationConcurrency(8)
			.bulkConcurrency(8)
			.build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void everyTokenArrivesExactlyOnceInTheServersOrder() {
		this.server.failNext(100, FakeFault.delay(Duration.ofMillis(10)));

		List<Token> all = this.tokens.listAll(20).collectList().block(Duration.ofSeconds(30));

		assertThat(all).hasSize(300).isEqualTo(this.server.tokens());
		// 15 pages, and at most 7 asked for beyond the last
		assertThat(this.server.requests()).hasSizeBetween(15, 15 + 7);
	}

	@Test
	void deleteAllOfEveryTokenLeavesExactlyTheClientsOwn() {
		DeleteAllResult result = this.tokens.deleteAll((token) -> true).block(Duration.ofSeconds(60));

		assertThat(result.failures()).isEmpty();
		assertThat(result.deleted()).hasSize(299);
		assertThat(this.server.tokens()).extracting(Token::tokenKey).containsExactly(this.server.adminToken());
	}

}
