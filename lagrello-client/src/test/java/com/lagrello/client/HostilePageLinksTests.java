package com.lagrello.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent paging against a hostile or odd server: a server whose links are page
 * numbers in another spelling, or turn into page numbers late, or lie mid-way.
 */
class HostilePageLinksTests {

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static final Duration DELAY = Duration.ofMillis(20);

	private static TokensClientBuilder builder(String baseUrl, int concurrency) {
		return TokensClient.builder()
			.baseUrl(baseUrl)
			.accessToken("paging-token")
			.retryPolicy(TestClients.FAST_RETRIES)
			.paginationConcurrency(concurrency);
	}

	/** The names emitted, and how the drain ended (null for completion). */
	private record Outcome(List<String> names, Throwable failure) {
	}

	private static Outcome drain(Flux<Token> tokens) {
		List<String> names = new ArrayList<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		tokens.map(Token::tokenName)
			.doOnNext(names::add)
			.doOnError(failure::set)
			.onErrorResume((ex) -> Flux.empty())
			.blockLast(Duration.ofSeconds(30));
		return new Outcome(names, failure.get());
	}

	/**
	 * The server spells its page-number links with {@code size} first (the same link,
	 * parameter order ignored, so numbered paging takes them) and page 4 links back to
	 * page 2 in that same spelling. One page at a time this is a cycle, refused; numbered
	 * paging recorded the client's spelling as visited, so the link back is not seen as a
	 * cycle and pages 2 to 4 are fetched and emitted a second time.
	 */
	@Test
	void aLinkBackToAnEarlierPageIsACycleWithConcurrencyToo() {
		try (LinkShapeServer server = new LinkShapeServer(10, 5, DELAY)) {
			server.linking((page) -> "/v1/tokens?size=5&page=" + ((page == 5) ? 2 : page));

			Outcome sequential = drain(clients.add(builder(server.baseUrl(), 1).pageSize(5).build()).listAll());
			assertThat(sequential.names()).isEqualTo(server.namesOf(0, 1, 2, 3, 4));
			assertThat(sequential.failure()).isInstanceOf(LagrelloPagingException.class);

			Outcome concurrent = drain(clients.add(builder(server.baseUrl(), 4).pageSize(5).build()).listAll());
			assertThat(concurrent.names()).as("each token once").doesNotHaveDuplicates();
			assertThat(concurrent.names()).isEqualTo(server.namesOf(0, 1, 2, 3, 4));
			assertThat(concurrent.failure()).isInstanceOf(LagrelloPagingException.class);
		}
	}

	/**
	 * The first page's next is not exactly the client's own link for page 1 (leading
	 * zero, plus sign, percent-encoded digit or name, a non-ASCII digit): the client must
	 * follow it as the server gives it. The server here tells the spellings apart, as a
	 * server whose page is a string key would: the client's own {@code page=1&size=1} is
	 * not one of its links.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "page=01&size=1", "page=+1&size=1", "page=%2B1&size=1", "page=%31&size=1",
			"page=%D9%A1&size=1", "page=1&size=01", "%70age=1&size=1" })
	void aNextLinkThatOnlyParsesLikeThePageNumberIsFollowedAsTheServerGivesIt(String query) {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			server.page("/v1/tokens?size=1", "first", "/v1/tokens?" + query)
				.page("/v1/tokens?" + query, "second", null);

			Outcome sequential = drain(clients.add(builder(server.baseUrl(), 1).build()).listAll(1));
			assertThat(sequential.names()).containsExactly("first-1", "second-1");

			Outcome concurrent = drain(clients.add(builder(server.baseUrl(), 4).build()).listAll(1));
			assertThat(concurrent.failure()).isNull();
			assertThat(concurrent.names()).containsExactly("first-1", "second-1");
		}
	}

	/**
	 * The contract: only when the first page's next is the client's own page-number link
	 * does it page by number; without such a link it pages one at a time. Here the first
	 * page links to a cursor, and the cursor page to {@code page=1}: the client still
	 * switches to numbered paging and sends several requests at once.
	 */
	@Test
	void aFirstPageWithACursorLinkPagesOneAtATimeToTheEnd() {
		try (ScriptedPageServer server = new ScriptedPageServer(Duration.ofMillis(50))) {
			server.page("/v1/tokens?size=1", "first", "/v1/tokens?cursor=x")
				.page("/v1/tokens?cursor=x", "cursor", "/v1/tokens?page=1&size=1");
			for (int page = 1; page <= 8; page++) {
				server.page("/v1/tokens?page=" + page + "&size=1", "p" + page,
						(page < 8) ? "/v1/tokens?page=" + (page + 1) + "&size=1" : null);
			}

			Outcome concurrent = drain(clients.add(builder(server.baseUrl(), 4).build()).listAll(1));

			assertThat(concurrent.failure()).isNull();
			assertThat(concurrent.names()).hasSize(10);
			assertThat(server.mostInFlight()).as("requests at once").isEqualTo(1);
		}
	}

	/**
	 * lagrello.pagination.max-pages=5 with concurrency 4, and page 2 links to page 7:
	 * exactly 5 pages are delivered (the contract's "exactly that many pages succeed"),
	 * and the pages fetched ahead and dropped (3 and 4) add at most concurrency - 1
	 * requests.
	 */
	@Test
	void maxPagesBoundsThePagesAndTheRequestsEvenWhenTheLinksBreakThePattern() {
		try (LinkShapeServer server = new LinkShapeServer(20, 5, DELAY)) {
			server.linking((page) -> "/v1/tokens?page=" + ((page == 3) ? 7 : page) + "&size=5");

			Outcome concurrent = drain(
					clients.add(builder(server.baseUrl(), 4).pageSize(5).maxPages(5).build()).listAll());

			assertThat(concurrent.names()).isEqualTo(server.namesOf(0, 1, 2, 7, 8));
			assertThat(concurrent.failure()).isInstanceOf(LagrelloPagingException.class);
			assertThat(server.uris()).as("requests sent for max-pages 5").hasSizeLessThanOrEqualTo(5 + 4 - 1);
		}
	}

	// --- attacks that held (kept as regression tests) ---

	/** The same back link in the client's own spelling is caught as a cycle. */
	@Test
	void aLinkBackInTheClientsSpellingIsACycle() {
		try (LinkShapeServer server = new LinkShapeServer(10, 5, DELAY)) {
			server.linking((page) -> "/v1/tokens?page=" + ((page == 5) ? 2 : page) + "&size=5");

			Outcome concurrent = drain(clients.add(builder(server.baseUrl(), 4).pageSize(5).build()).listAll());

			assertThat(concurrent.names()).isEqualTo(server.namesOf(0, 1, 2, 3, 4));
			assertThat(concurrent.failure()).isInstanceOf(LagrelloPagingException.class);
		}
	}

	/**
	 * A page fetched ahead that fails, then dropped at a broken link: the drain goes on.
	 */
	@Test
	void aFailureOnAPageFetchedAheadAndDroppedDoesNotFailTheDrain() {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			server.page("/v1/tokens?size=1", "p0", "/v1/tokens?page=1&size=1")
				.page("/v1/tokens?page=1&size=1", "p1", "/v1/tokens?page=2&size=1")
				.page("/v1/tokens?page=2&size=1", "p2", "/v1/tokens?page=7&size=1")
				.failing("/v1/tokens?page=3&size=1", 400)
				.failing("/v1/tokens?page=4&size=1", 500)
				.page("/v1/tokens?page=7&size=1", "p7", null);

			Outcome concurrent = drain(clients.add(builder(server.baseUrl(), 4).build()).listAll(1));

			assertThat(concurrent.failure()).isNull();
			assertThat(concurrent.names()).containsExactly("p0-1", "p1-1", "p2-1", "p7-1");
		}
	}

	/** A failure in the middle: every page before it, then the failure. */
	@Test
	void aFailedPageInTheMiddleEndsTheDrainAfterThePagesBeforeIt() {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			for (int page = 1; page <= 9; page++) {
				server.page("/v1/tokens?page=" + page + "&size=1", "p" + page,
						"/v1/tokens?page=" + (page + 1) + "&size=1");
			}
			server.page("/v1/tokens?size=1", "p0", "/v1/tokens?page=1&size=1").failing("/v1/tokens?page=3&size=1", 400);

			Outcome concurrent = drain(clients.add(builder(server.baseUrl(), 4).build()).listAll(1));

			assertThat(concurrent.names()).containsExactly("p0-1", "p1-1", "p2-1");
			assertThat(concurrent.failure()).isInstanceOf(LagrelloApiException.class);
		}
	}

	/**
	 * A foreign origin in numbered mode: refused, never sent, after the pages before it.
	 */
	@Test
	void aForeignLinkInNumberedModeIsRefusedAndNotSent() {
		try (ScriptedPageServer elsewhere = new ScriptedPageServer(DELAY);
				ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			for (int page = 1; page <= 9; page++) {
				server.page("/v1/tokens?page=" + page + "&size=1", "p" + page,
						(page == 2) ? elsewhere.baseUrl() + "/v1/tokens?page=3&size=1"
								: "/v1/tokens?page=" + (page + 1) + "&size=1");
			}
			server.page("/v1/tokens?size=1", "p0", "/v1/tokens?page=1&size=1");

			Outcome concurrent = drain(clients.add(builder(server.baseUrl(), 4).build()).listAll(1));

			assertThat(concurrent.names()).containsExactly("p0-1", "p1-1", "p2-1");
			assertThat(concurrent.failure()).isInstanceOf(LagrelloPagingException.class);
			assertThat(elsewhere.uris()).isEmpty();
		}
	}

	/** Odd links with rebase-links: never another origin; javascript: refused. */
	@ParameterizedTest
	@ValueSource(
			strings = { "//evil.example/v1/tokens?page=1&size=1", "http://user:pw@evil.example/v1/tokens?page=1&size=1",
					"http://evil.example:1/v1/tokens?page=1&size=1", "HTTPS://EVIL.example/v1/tokens?page=1&size=1" })
	void rebasedOddLinksStayOnTheBaseOrigin(String link) {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			server.page("/v1/tokens?size=1", "p0", link).page("/v1/tokens?page=1&size=1", "p1", null);

			Outcome concurrent = drain(
					clients.add(builder(server.baseUrl(), 4).rebasePageLinks(true).build()).listAll(1));

			assertThat(concurrent.failure()).isNull();
			assertThat(concurrent.names()).containsExactly("p0-1", "p1-1");
		}
	}

	@Test
	void aJavascriptLinkIsRefusedEvenWhenRebasing() {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			server.page("/v1/tokens?size=1", "p0", "javascript:alert(1)");

			Outcome concurrent = drain(
					clients.add(builder(server.baseUrl(), 4).rebasePageLinks(true).build()).listAll(1));

			assertThat(concurrent.names()).containsExactly("p0-1");
			assertThat(concurrent.failure()).isInstanceOf(LagrelloPagingException.class);
			assertThat(server.uris()).hasSize(1);
		}
	}

	/**
	 * Whatever the setting of the concurrency, one server is paged alike: a link back to
	 * a page-number page in another order of its parameters is the same page again.
	 */
	@ParameterizedTest(name = "concurrency {0}")
	@ValueSource(ints = { 1, 4 })
	void aLinkBackToAPageInAnotherOrderOfItsParametersIsACycleAtEveryConcurrency(int concurrency) {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			server.page("/v1/tokens?size=1", "p0", "/v1/tokens?page=1&size=1")
				.page("/v1/tokens?page=1&size=1", "p1", "/v1/tokens?page=2&size=1")
				.page("/v1/tokens?page=2&size=1", "p2", "/v1/tokens?size=1&page=1")
				.page("/v1/tokens?size=1&page=1", "p1", "/v1/tokens?page=2&size=1");

			Outcome outcome = drain(clients.add(builder(server.baseUrl(), concurrency).build()).listAll(1));

			assertThat(outcome.names()).as("each token once").containsExactly("p0-1", "p1-1", "p2-1");
			assertThat(outcome.failure()).isInstanceOf(LagrelloPagingException.class);
			assertThat(server.uris()).as("page 1 is not asked for again").doesNotContain("/v1/tokens?size=1&page=1");
		}
	}

	/**
	 * A link back to a page in another order of its parameters is the same page again
	 * also when it carries user info, which is not sent.
	 */
	@ParameterizedTest(name = "concurrency {0}")
	@ValueSource(ints = { 1, 4 })
	void aLinkBackToAPageWithUserInfoInAnotherOrderOfItsParametersIsACycle(int concurrency) {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			String back = server.baseUrl().replace("http://", "http://someone@") + "/v1/tokens?size=1&page=1";
			server.page("/v1/tokens?size=1", "p0", "/v1/tokens?page=1&size=1")
				.page("/v1/tokens?page=1&size=1", "p1", "/v1/tokens?page=2&size=1")
				.page("/v1/tokens?page=2&size=1", "p2", back)
				.page("/v1/tokens?size=1&page=1", "p1", "/v1/tokens?page=2&size=1");

			Outcome outcome = drain(clients.add(builder(server.baseUrl(), concurrency).build()).listAll(1));

			assertThat(outcome.names()).as("each token once").containsExactly("p0-1", "p1-1", "p2-1");
			assertThat(server.uris()).as("page 1 is not asked for again").doesNotContain("/v1/tokens?size=1&page=1");
		}
	}

	/**
	 * Numbered paging hands over to the server's cursor links, and a cursor page links
	 * back to a page fetched by number, in another order of its parameters and with a
	 * fragment: the same page again, refused, at every concurrency.
	 */
	@ParameterizedTest(name = "concurrency {0}")
	@ValueSource(ints = { 1, 2, 4 })
	void aCursorLinkBackToAPageFetchedByNumberIsACycle(int concurrency) {
		try (ScriptedPageServer server = new ScriptedPageServer(DELAY)) {
			server.page("/v1/tokens?size=1", "p0", "/v1/tokens?page=1&size=1")
				.page("/v1/tokens?page=1&size=1", "p1", "/v1/tokens?page=2&size=1")
				.page("/v1/tokens?page=2&size=1", "p2", "/v1/tokens?cursor=c3")
				.page("/v1/tokens?cursor=c3", "c3", "/v1/tokens?size=1&page=1#again")
				.page("/v1/tokens?size=1&page=1", "p1", "/v1/tokens?page=2&size=1");

			Outcome outcome = drain(clients.add(builder(server.baseUrl(), concurrency).build()).listAll(1));

			assertThat(outcome.names()).as("each token once").containsExactly("p0-1", "p1-1", "p2-1", "c3-1");
			assertThat(outcome.failure()).isInstanceOf(LagrelloPagingException.class).hasMessageContaining("cycle");
			assertThat(server.uris()).as("page 1 is not asked for again").doesNotContain("/v1/tokens?size=1&page=1");
		}
	}

}
