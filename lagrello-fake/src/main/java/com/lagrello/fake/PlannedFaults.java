package com.lagrello.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The faults planned with {@code failNext}, used up in the order they were added: each
 * request takes one from the first plan that matches its method and, when the plan names
 * one, its path.
 */
final class PlannedFaults {

	private final Deque<Plan> plans = new ArrayDeque<>();

	synchronized void add(@Nullable String method, @Nullable String pathTemplate, int times, Fault fault) {
		if (times < 1) {
			throw new IllegalArgumentException("times must be at least 1, but is " + times);
		}
		if (fault == null) {
			throw new IllegalArgumentException("fault must not be null");
		}
		if (pathTemplate != null && !pathTemplate.startsWith("/")) {
			throw new IllegalArgumentException("The path must start with '/', but is " + pathTemplate);
		}
		this.plans
			.addLast(new Plan((method != null) ? method.toUpperCase(Locale.ROOT) : null, pathTemplate, times, fault));
	}

	/**
	 * Takes the fault a request with that method and path meets, if any.
	 * @param path the path as sent, percent-encoded
	 */
	synchronized @Nullable Fault take(String method, String path) {
		for (Iterator<Plan> iterator = this.plans.iterator(); iterator.hasNext();) {
			Plan plan = iterator.next();
			if ((plan.method == null || plan.method.equalsIgnoreCase(method))
					&& (plan.pathTemplate == null || matches(plan.pathTemplate, path))) {
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

	/**
	 * Whether a path matches a template such as {@code /v1/users/{userId}/totp}: segment
	 * by segment, a {@code {name}} segment standing for any non-empty segment.
	 */
	static boolean matches(String pathTemplate, String path) {
		String[] expected = pathTemplate.split("/", -1);
		String[] actual = path.split("/", -1);
		if (expected.length != actual.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			boolean variable = expected[i].startsWith("{") && expected[i].endsWith("}");
			if (variable ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
				return false;
			}
		}
		return true;
	}

	private static final class Plan {

		private final @Nullable String method;

		private final @Nullable String pathTemplate;

		private final Fault fault;

		private int remaining;

		Plan(@Nullable String method, @Nullable String pathTemplate, int remaining, Fault fault) {
			this.method = method;
			this.pathTemplate = pathTemplate;
			this.remaining = remaining;
			this.fault = fault;
		}

	}

}
