package com.lagrello.client;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The pages one drain has asked for: refuses a link asked for before (a cycle) and a page
 * beyond the maximum.
 * <p>
 * A link is kept as 64 bits of its SHA-256 digest, so memory grows with the number of
 * pages, not with the length of the links (the chance that two of 10,000 links share a
 * digest is about 10<sup>-12</sup>). Links are compared without their fragment, which
 * never reaches the server, and with scheme and host in lower case.
 */
final class VisitedLinks {

	private final Set<Long> digests = new HashSet<>();

	// one per drain, whose pages are visited one after the other: no lock needed
	private final MessageDigest sha256 = sha256();

	private final int maxPages;

	VisitedLinks(int maxPages) {
		this.maxPages = maxPages;
	}

	/**
	 * Records that the link is about to be asked for.
	 * @throws LagrelloPagingException if it was asked for before, or it would be one page
	 * too many
	 */
	void visit(URI link) {
		if (this.digests.size() >= this.maxPages) {
			throw new LagrelloPagingException("tokens/list stopped after " + this.maxPages
					+ " pages (lagrello.pagination.max-pages): the server keeps sending next links");
		}
		if (!this.digests.add(digest(link))) {
			throw new LagrelloPagingException(
					"tokens/list stopped: the server sent a next link it had sent before, a cycle: "
							+ withoutQuery(link));
		}
	}

	/**
	 * Returns how many more pages may be visited.
	 */
	int remaining() {
		return this.maxPages - this.digests.size();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	private long digest(URI link) {
		String normal = link.getScheme().toLowerCase(Locale.ROOT) + "://"
				+ link.getRawAuthority().toLowerCase(Locale.ROOT) + link.getRawPath()
				+ ((link.getRawQuery() != null) ? "?" + link.getRawQuery() : "");
		return ByteBuffer.wrap(this.sha256.digest(normal.getBytes(StandardCharsets.UTF_8))).getLong();
	}

	/**
	 * The query may be long and is the server's: the message keeps the path.
	 */
	private static String withoutQuery(URI link) {
		return link.getScheme() + "://" + link.getRawAuthority() + link.getRawPath()
				+ ((link.getRawQuery() != null) ? "?..." : "");
	}

}
