package com.lagrello.client.paging;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.lagrello.client.LagrelloPagingException;

/**
 * The pages one drain has asked for: refuses a link asked for before (a cycle) and a page
 * beyond the maximum.
 * <p>
 * A link is the request it makes: its {@link Origin} (scheme and host in any case, user
 * info or not, the default port spelled out or not), raw path and raw query; the fragment
 * never reaches the server. Its path and query are kept as their SHA-256 digest, 32 bytes
 * a page, under its origin (one for the whole drain, as a rule), so memory grows with the
 * number of pages, not with the length of the links, and no server can make two links
 * collide. One drain visits its pages one after the other, so one digest serves it and no
 * lock is needed.
 */
final class VisitedLinks {

	private final Map<Origin, Set<PathAndQuery>> visited = new HashMap<>(2);

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
	 * Records that the link is about to be asked for.
	 * @throws LagrelloPagingException if it was asked for before, or it would be one page
	 * too many
	 */
	void visit(URI link) {
		if (this.count >= this.maxPages) {
			throw new LagrelloPagingException("tokens/list stopped after " + this.maxPages
					+ " pages (maxPages): the server keeps sending next links");
		}
		Set<PathAndQuery> ofOrigin = this.visited.computeIfAbsent(Origin.of(link), (origin) -> new HashSet<>());
		if (!ofOrigin.add(digest(link))) {
			throw new LagrelloPagingException(
					"tokens/list stopped: the server sent a next link it had sent before, a cycle: "
							+ withoutQuery(link));
		}
		this.count++;
	}

	/**
	 * Returns how many more pages may be visited.
	 */
	int remaining() {
		return this.maxPages - this.count;
	}

	private PathAndQuery digest(URI link) {
		String path = link.getRawPath();
		if (path != null) {
			this.sha256.update(path.getBytes(StandardCharsets.UTF_8));
		}
		String query = link.getRawQuery();
		if (query != null) {
			this.sha256.update((byte) '?');
			this.sha256.update(query.getBytes(StandardCharsets.UTF_8));
		}
		return PathAndQuery.of(this.sha256.digest());
	}

	/**
	 * The query may be long and is the server's: the message keeps the path.
	 */
	private static String withoutQuery(URI link) {
		return link.getScheme() + "://" + link.getRawAuthority() + link.getRawPath()
				+ ((link.getRawQuery() != null) ? "?..." : "");
	}

	/**
	 * The SHA-256 digest of a raw path and query, as four longs: a set element with no
	 * copy, wrapper or byte loop for its hash.
	 */
	private record PathAndQuery(long first, long second, long third, long fourth) {

		static PathAndQuery of(byte[] sha256) {
			ByteBuffer digest = ByteBuffer.wrap(sha256);
			return new PathAndQuery(digest.getLong(), digest.getLong(), digest.getLong(), digest.getLong());
		}

	}

}
