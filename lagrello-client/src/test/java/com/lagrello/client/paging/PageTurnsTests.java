package com.lagrello.client.paging;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * {@link PageTurns}: a page's turn comes once every page before it in the run arrived and
 * linked on, in whatever order they arrived.
 */
class PageTurnsTests {

	@Test
	void theFirstPageOfTheRunIsDueAtOnce() {
		StepVerifier.create(new PageTurns(2).due(2)).verifyComplete();
	}

	@Test
	void aPageIsDueOnceEveryPageBeforeItLinkedOnWhateverTheOrderTheyArrivedIn() {
		PageTurns turns = new PageTurns(2);

		StepVerifier.create(turns.due(5))
			.expectSubscription()
			.then(() -> turns.linkedOn(4))
			.then(() -> turns.linkedOn(2))
			.expectNoEvent(Duration.ofMillis(50))
			.then(() -> turns.linkedOn(3))
			.verifyComplete();
		StepVerifier.create(turns.due(4)).verifyComplete();
	}

	@Test
	void noPageAfterOneThatEndsTheRunIsEverDue() {
		PageTurns turns = new PageTurns(1);
		turns.linkedOn(1);
		// page 2 arrived without linking on (the end): page 3 never gets its turn
		turns.linkedOn(4);

		StepVerifier.create(turns.due(3))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(50))
			.thenCancel()
			.verify();
		StepVerifier.create(turns.due(2)).verifyComplete();
	}

}
