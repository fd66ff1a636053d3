package com.lagrello.client.paging;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

import com.lagrello.client.LagrelloPagingException;

/**
 * The pages one drain has asked for: refuses a page asked for before (a cycle) and a page
 * beyond the maximum.
 * <p>
 * A page-number link of the listing is the page it names ({@link PageNumber}), whatever
 * the order of its parameters, so that a link back to a page fetched by number is a
 * cycle. Any other link is the request it makes: its {@link Origin} (scheme and host in
 * any case, user info or not, the default port spelled out or not), raw path and raw
 * query; the fragment never reaches the server. That request is kept as its SHA-256
 * digest, 32 bytes a page, so memory grows with the number of pages, not with the length
 * of the links, and no server can make two links collide. One drain visits its pages one
 * after the other, so one digest serves it and no lock is needed.
 */
final class VisitedLinks {

	private final Set<PageNumber> numbered = new HashSet<>();

	private final Set<Digest> others = new HashSet<>();

	private final MessageDigest sha256;

	private final int maxPages;

	private int count;

	VisitedLinks(int maxPages) {
		this.maxPages = maxPages;
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			// every Java platform has SHA-256 (MessageDigest's javadoc)
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Records that a page-number link of the listing is about to be asked for.
	 * @param page the page it names
	 * @throws LagrelloPagingException if the page was asked for before, or it would be
	 * one page too many
	 */
	void visit(PageNumber page) {
		checkRoomForOne();
		if (!this.numbered.add(page)) {
			throw cycle(page.link());
		}
		this.count++;
	}

	/**
	 * Records that a link other than a page-number link of the listing is about to be
	 * asked for.
	 * @throws LagrelloPagingException if it was asked for before, or it would be one page
	 * too many
	 */
	void visit(URI link) {
		checkRoomForOne();
		if (!this.others.add(digest(link))) {
			throw cycle(link);
		}
		this.count++;
	}

	private void checkRoomForOne() {
		if (this.count >= this.maxPages) {
			throw new LagrelloPagingException("tokens/list stopped after " + this.maxPages
					+ " pages (maxPages): the server keeps sending next links");
		}
	}

	private static LagrelloPagingException cycle(URI link) {
		return new LagrelloPagingException(
				"tokens/list stopped: the server sent a next link it had sent before, a cycle: " + withoutQuery(link));
	}

	/**
	 * Returns how many more pages may be visited.
	 */
	int remaining() {
		return this.maxPages - this.count;
	}

	private Digest digest(URI link) {
		this.sha256.update(Origin.of(link).toString().getBytes(StandardCharsets.UTF_8));
		String path = link.getRawPath();
		if (path != null) {
			this.sha256.update(path.getBytes(StandardCharsets.UTF_8));
		}
		String query = link.getRawQuery();
		if (query != null) {
			this.sha256.update((byte) '?');
			this.sha256.update(query.getBytes(StandardCharsets.UTF_8));
		}
		return Digest.of(this.sha256.digest());
	}

	/**
	 * The query may be long and is the server's, the user info a credential: the message
	 * keeps the origin and the path.
	 */
	private static String withoutQuery(URI link) {
		return Origin.of(link) + link.getRawPath() + ((link.getRawQuery() != null) ? "?..." : "");
	}

	/**
	 * The SHA-256 digest of a request's origin, raw path and raw query, as four longs: a
	 * set element with no copy, wrapper or byte loop for its hash.
	 */
	private record Digest(long first, long second, long third, long fourth) {

		static Digest of(byte[] sha256) {
			ByteBuffer digest = ByteBuffer.wrap(sha256);
			return new Digest(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
		}

	}

}
