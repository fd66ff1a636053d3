package com.lagrello.client.paging;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing's own page-number links, whatever the spelling of the origin.
 */
class PageNumberTests {

	private static final URI TOKENS = URI.create("https://api.lagrello.example/v1/tokens");

	@Test
	void theDefaultPortSpelledOutIsTheSameListing() {
		PageNumber number = PageNumber.of(URI.create("https://api.lagrello.example:443/v1/tokens?size=1&page=1"),
				TOKENS);

		assertThat(number).isEqualTo(new PageNumber(TOKENS, 1, 1));
	}

	@Test
	void userInfoAndTheCaseOfTheHostLeaveTheSameListing() {
		PageNumber number = PageNumber.of(URI.create("HTTPS://someone@API.lagrello.example/v1/tokens?page=2&size=3"),
				TOKENS);

		assertThat(number).isEqualTo(new PageNumber(TOKENS, 2, 3));
	}

	@Test
	void anotherPortIsAnotherListing() {
		assertThat(PageNumber.of(URI.create("https://api.lagrello.example:8443/v1/tokens?page=1&size=1"), TOKENS))
			.isNull();
	}

}
