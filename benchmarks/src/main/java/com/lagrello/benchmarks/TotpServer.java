package com.lagrello.benchmarks;

import java.net.URI;
import java.util.concurrent.atomic.LongAdder;

import com.lagrello.fake.ReceivedRequest;
import com.lagrello.fake.Reply;
import com.lagrello.fake.ScriptedServer;

/**
 * A fast local TOTP check on {@code 127.0.0.1}, scripted on the fake's
 * {@link ScriptedServer}, that answers from replies rendered once: {@code GET
 * /v1/users/{userId}/totp?payload=<code>} is {@code 200} with a fixed user for
 * {@link #USER_ID} and {@link #CODE}, {@code 401} for any other code (a wrong code, an
 * answer the clients complete empty on), {@code 403} for a wrong access token and
 * {@code 404} for anything else. Unlike the API, a code is good any number of times, so
 * that every call of a benchmark verifies.
 * <p>
 * It runs on two event loops of its own and keeps no request, as the {@link PageServer}
 * does.
 */
public final class TotpServer implements AutoCloseable {

	/** The bearer token the server expects. */
	public static final String ACCESS_TOKEN = PageServer.ACCESS_TOKEN;

	/** The one user whose code the server checks. */
	public static final String USER_ID = "bench-user-0042";

	/** The code the server takes as right. */
	public static final String CODE = "492039";

	/** A code the server answers {@code 401} to. */
	public static final String WRONG_CODE = "000000";

	/** The e-mail address of the user the server answers with. */
	public static final String EMAIL = "bench-user-0042@example.com";

	private static final String AUTHORIZATION = "Bearer " + ACCESS_TOKEN;

	private static final String PATH = "/v1/users/" + USER_ID + "/totp";

	private static final String RIGHT_QUERY = "payload=" + CODE;

	private final ScriptedServer server;

	private final Reply verified = Reply.json(200, "{\"userId\":\"" + USER_ID + "\",\"email\":\"" + EMAIL + "\"}");

	private final Reply wrongCode = Reply.error(401, "UNAUTHORIZED", "The TOTP code is wrong");

	private final Reply forbidden = Reply.error(403, "FORBIDDEN", "The access token is wrong");

	private final Reply notFound = Reply.error(404, "NOT_FOUND", "No such user or path");

	private final LongAdder verifiedCount = new LongAdder();

	private final LongAdder rejectedCount = new LongAdder();

	/**
	 * Starts a server on an ephemeral port.
	 */
	public TotpServer() {
		this.server = ScriptedServer.builder().eventLoops(2).recording(false).build(this::answer);
		this.server.start();
	}

	/**
	 * Returns the origin to point clients at, such as {@code http://127.0.0.1:40123}.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.server.baseUrl();
	}

	/**
	 * Returns how many requests the server has received.
	 * @return the request count
	 */
	public long requests() {
		return this.server.requestCount();
	}

	/**
	 * Returns how many checks the server has answered {@code 200}.
	 * @return the count of right codes
	 */
	public long verified() {
		return this.verifiedCount.sum();
	}

	/**
	 * Returns how many checks the server has answered {@code 401}.
	 * @return the count of wrong codes
	 */
	public long rejected() {
		return this.rejectedCount.sum();
	}

	/**
	 * Returns the most requests the server had arrived and not yet answered at once.
	 * @return the most requests in flight
	 */
	public int mostInFlight() {
		return this.server.mostInFlight();
	}

	/**
	 * Returns how many connections clients have opened to the server.
	 * @return the connection count
	 */
	public int connectionsOpened() {
		return this.server.connectionsOpened();
	}

	@Override
	public void close() {
		this.server.close();
	}

	private Reply answer(ReceivedRequest request) {
		if (!AUTHORIZATION.equals(request.authorization())) {
			return this.forbidden;
		}
		if (!request.method().equals("GET") || !PATH.equals(request.path())) {
			return this.notFound;
		}
		// the clients under test send exactly this query; anything else is decoded
		if (RIGHT_QUERY.equals(request.query()) || CODE.equals(request.queryParameter("payload"))) {
			this.verifiedCount.increment();
			return this.verified;
		}
		this.rejectedCount.increment();
		return this.wrongCode;
	}

}
