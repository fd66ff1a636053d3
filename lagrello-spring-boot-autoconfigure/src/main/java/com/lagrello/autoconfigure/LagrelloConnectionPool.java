package com.lagrello.autoconfigure;

import java.time.Duration;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;

/**
 * The Lagrello client's own reactor-netty connection pool, closed with the application
 * context. Idle connections are evicted before common servers and load balancers close
 * them, so that a request is not sent on a connection being closed. A type of its own,
 * rather than a {@link ConnectionProvider} bean, so that an application that injects its
 * own {@code ConnectionProvider} by type is not disturbed.
 */
public final class LagrelloConnectionPool implements DisposableBean {

	private final ConnectionProvider connectionProvider;

	LagrelloConnectionPool(int maxConnections, Duration maxIdleTime, Duration maxWait) {
		// callers beyond maxConnections wait for one, however many, bounded by their own
		// read timeout rather than failed at once by a queue limit
		this.connectionProvider = ConnectionProvider.builder("lagrello")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(maxWait)
			.maxIdleTime(maxIdleTime)
			.evictInBackground(maxIdleTime)
			.build();
	}

	/**
	 * Returns the pool.
	 * @return the connection provider of the Lagrello client
	 */
	public ConnectionProvider connectionProvider() {
		return this.connectionProvider;
	}

	@Override
	public void destroy() {
		this.connectionProvider.dispose();
	}

}
