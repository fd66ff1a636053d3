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
 * The pages one drain has asked for: refuses a link asked for before (a cycle) and a page
 * beyond the maximum.
 * <p>
 * A link is the request it makes: its {@link Origin} (scheme and host in any case, user
 * info or not, the default port spelled out or not), raw path and raw query; the fragment
 * never reaches the server. It is kept as the SHA-256 digest of that, 32 bytes a page, so
 * memory grows with the number of pages, not with the length of the links, and no server
 * can make two links collide. One drain visits its pages one after the other, so one
 * digest serves it and no lock is needed.
 */
final class VisitedLinks {

	private final Set<ByteBuffer> digests = new HashSet<>();

	private final MessageDigest sha256;

	private final int maxPages;

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
		if (this.digests.size() >= this.maxPages) {
			throw new LagrelloPagingException("tokens/list stopped after " + this.maxPages
					+ " pages (maxPages): the server keeps sending next links");
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

	private ByteBuffer digest(URI link) {
		String request = Origin.of(link) + link.getRawPath()
				+ ((link.getRawQuery() != null) ? "?" + link.getRawQuery() : "");
		return ByteBuffer.wrap(this.sha256.digest(request.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The query may be long and is the server's: the message keeps the path.
	 */
	private static String withoutQuery(URI link) {
		return link.getScheme() + "://" + link.getRawAuthority() + link.getRawPath()
				+ ((link.getRawQuery() != null) ? "?..." : "");
	}

}
