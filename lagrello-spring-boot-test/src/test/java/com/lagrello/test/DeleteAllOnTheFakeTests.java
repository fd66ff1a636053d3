package com.lagrello.test;

import java.time.Duration;

import com.lagrello.client.DeleteAllResult;
import com.lagrello.client.Token;
import com.lagrello.client.TokensClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deleteAll} against the stateful fake: every matching token goes, across many
 * pages, and never the client's own.
 */
class DeleteAllOnTheFakeTests {

	@RegisterExtension
	static final FakeLagrelloExtension lagrello = new FakeLagrelloExtension(
			FakeLagrelloServer.builder().seedTokens(300));

	@Test
	void deletingEveryTokenLeavesExactlyTheClientsOwn(FakeLagrelloServer server) {
		TokensClient client = server.tokensClient();

		DeleteAllResult result = client.deleteAll((token) -> true).block(Duration.ofSeconds(60));

		assertThat(result.failures()).isEmpty();
		assertThat(result.deleted()).hasSize(300);
		assertThat(server.tokens()).extracting(Token::tokenKey).containsExactly(server.adminToken());
	}

	@Test
	void onlyTheTokensThatMatchAreDeletedAlsoThroughTheBlockingClient(FakeLagrelloServer server) {
		DeleteAllResult result = server.tokensClient().blocking().deleteAll((token) -> token.tokenName().endsWith("0"));

		assertThat(result.deleted()).hasSize(30).allSatisfy((token) -> assertThat(token.tokenName()).endsWith("0"));
		assertThat(server.tokens()).hasSize(271).noneMatch((token) -> token.tokenName().endsWith("0"));
	}

}
