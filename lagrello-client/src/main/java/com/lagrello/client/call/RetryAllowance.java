package com.lagrello.client.call;

import com.lagrello.client.RetryBudget;

/**
 * The running account of one {@link RetryBudget}: each call deposits, each retry
 * withdraws, over a window of ten slices that slides one slice at a time. Shared by a
 * client and the clients derived from it; thread-safe. Time is Reactor's clock, so tests
 * can make it virtual.
 */
public final class RetryAllowance {

	private static final int SLICES = 10;

	private final RetryBudget budget;

	private final long sliceNanos;

	// per slice: which slice of time it counts (now / sliceNanos), its calls and retries
	private final long[] epochs = new long[SLICES];

	private final long[] calls = new long[SLICES];

	private final long[] retries = new long[SLICES];

	public RetryAllowance(RetryBudget budget) {
		this.budget = budget;
		this.sliceNanos = Math.max(1, budget.window().toNanos() / SLICES);
		java.util.Arrays.fill(this.epochs, Long.MIN_VALUE);
	}

	public RetryBudget budget() {
		return this.budget;
	}

	/**
	 * Counts a call (its first attempt).
	 */
	public void recordCall() {
		if (this.budget.isLimited()) {
			synchronized (this) {
				this.calls[slice(ReactorClock.now())]++;
			}
		}
	}

	/**
	 * Takes one retry from the budget, if it has one left.
	 * @return whether the retry may be sent
	 */
	public boolean tryRetry() {
		if (!this.budget.isLimited()) {
			return true;
		}
		synchronized (this) {
			int current = slice(ReactorClock.now());
			long windowCalls = 0;
			long windowRetries = 0;
			for (int i = 0; i < SLICES; i++) {
				windowCalls += this.calls[i];
				windowRetries += this.retries[i];
			}
			if (windowRetries >= this.budget.minRetries() + windowCalls * this.budget.percent() / 100) {
				return false;
			}
			this.retries[current]++;
			return true;
		}
	}

	/**
	 * Returns the slot of the slice that holds the given time, emptying the slots whose
	 * slice has left the window, or lies ahead of it: a clock that went back (a new
	 * virtual clock in tests) must not keep a budget spent "in the future".
	 */
	private int slice(long nanos) {
		long epoch = Math.floorDiv(nanos, this.sliceNanos);
		for (int i = 0; i < SLICES; i++) {
			if (this.epochs[i] <= epoch - SLICES || this.epochs[i] > epoch) {
				this.calls[i] = 0;
				this.retries[i] = 0;
				this.epochs[i] = Long.MIN_VALUE;
			}
		}
		int slot = Math.floorMod(epoch, SLICES);
		if (this.epochs[slot] != epoch) {
			this.epochs[slot] = epoch;
			this.calls[slot] = 0;
			this.retries[slot] = 0;
		}
		return slot;
	}

}
