package com.lagrello.client;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;

import com.lagrello.client.call.RetryAllowance;

/**
 * What a client built by a builder owns and the clients derived from it with
 * {@code mutate()} share: whether it is still open, the account of its retry budget, and
 * the {@link TimeoutWheel} of its attempt timeouts, stopped when the owner is closed. The
 * connections are the {@code WebClient.Builder}'s connector's, shared by cloning the
 * builder. Closing is the owner's: a client holding a shared view (a derived client, the
 * API areas of a root) closes nothing. Thread-safe.
 */
final class ClientResources {

	private final AtomicBoolean closed;

	private final RetryAllowance retryAllowance;

	private final TimeoutWheel timeouts;

	// the API the allowance counts the calls of
	private final URI baseUrl;

	// whether close() closes: the view of the client that made the resources
	private final boolean owner;

	private ClientResources(AtomicBoolean closed, RetryAllowance retryAllowance, TimeoutWheel timeouts, URI baseUrl,
			boolean owner) {
		this.closed = closed;
		this.retryAllowance = retryAllowance;
		this.timeouts = timeouts;
		this.baseUrl = baseUrl;
		this.owner = owner;
	}

	/**
	 * Returns the resources of a new client.
	 */
	static ClientResources open(URI baseUrl, RetryBudget budget) {
		return new ClientResources(new AtomicBoolean(), new RetryAllowance(budget), new TimeoutWheel(), baseUrl, true);
	}

	/**
	 * Returns the resources of a client derived from this one: the same open state, and
	 * the same retry budget account while the API and the budget are the same (another
	 * API, a region or gateway, has its own outages: its own account).
	 */
	ClientResources derived(URI baseUrl, RetryBudget budget) {
		RetryAllowance allowance = (baseUrl.equals(this.baseUrl) && budget.equals(this.retryAllowance.budget()))
				? this.retryAllowance : new RetryAllowance(budget);
		return new ClientResources(this.closed, allowance, this.timeouts, baseUrl, false);
	}

	/**
	 * Returns these resources for a part of the client that made them (an API area of a
	 * root), which uses them and does not close them.
	 */
	ClientResources shared() {
		return new ClientResources(this.closed, this.retryAllowance, this.timeouts, this.baseUrl, false);
	}

	RetryAllowance retryAllowance() {
		return this.retryAllowance;
	}

	/**
	 * The scheduler of attempt timeouts.
	 */
	TimeoutWheel timeouts() {
		return this.timeouts;
	}

	/**
	 * Refuses an attempt of a closed client, before anything is sent.
	 * @throws LagrelloException if the client is closed
	 */
	void checkOpen(String operation) {
		if (this.closed.get()) {
			throw new LagrelloException(operation + " was not sent: the client is closed");
		}
	}

	/**
	 * Closes the resources, when this is the view of the client that made them; a shared
	 * view closes nothing.
	 */
	void close() {
		if (this.owner) {
			this.closed.set(true);
			this.timeouts.dispose();
		}
	}

}
