package com.lagrello.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The faults planned with {@code failNext}, used up in the order they were added: each
 * request takes one from the first plan that matches its method.
 */
final class PlannedFaults {

	private final Deque<Plan> plans = new ArrayDeque<>();

	synchronized void add(@Nullable String method, int times, Fault fault) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, but is " + times);
		}
		if (fault == null) {
			throw new IllegalArgumentException("fault must not be null");
		}
		this.plans.addLast(new Plan((method != null) ? method.toUpperCase(Locale.ROOT) : null, times, fault));
	}

	/**
	 * Takes the fault a request with that method meets, if any.
	 */
	synchronized @Nullable Fault take(String method) {
		for (Iterator<Plan> iterator = this.plans.iterator(); iterator.hasNext();) {
			Plan plan = iterator.next();
			if (plan.method == null || plan.method.equalsIgnoreCase(method)) {
				if (--plan.remaining == 0) {
					iterator.remove();
				}
				return plan.fault;
			}
		}
		return null;
	}

	synchronized void clear() {
		this.plans.clear();
	}

	private static final class Plan {

		private final @Nullable String method;

		private final Fault fault;

		private int remaining;

		Plan(@Nullable String method, int remaining, Fault fault) {
			this.method = method;
			this.remaining = remaining;
			this.fault = fault;
		}

	}

}
