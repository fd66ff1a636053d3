package com.lagrello.client;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Closes the clients a test made once it ends: each root client owns a timer wheel and
 * connections, which an unclosed client would keep until the JVM ends (Netty warns about
 * too many wheels). Register it in a static field, so that static helpers can use it too.
 */
final class ClientsToClose implements AfterEachCallback {

	private final Deque<AutoCloseable> clients = new ConcurrentLinkedDeque<>();

	/**
	 * Closes the given client after the test.
	 * @param client a client the test made
	 * @return the client
	 */
	<T extends AutoCloseable> T add(T client) {
		this.clients.push(client);
		return client;
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		for (AutoCloseable client = this.clients.poll(); client != null; client = this.clients.poll()) {
			client.close();
		}
	}

}
