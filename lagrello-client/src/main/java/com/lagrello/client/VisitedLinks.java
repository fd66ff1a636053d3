package com.lagrello.client;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The pages one drain has asked for: refuses a link asked for before (a cycle) and a page
 * beyond the maximum.
 * <p>
 * A link is kept as a 64-bit FNV-1a hash, so memory grows with the number of pages, not
 * with the length of the links (the chance that two of 10,000 links share a hash is a few
 * in 10<sup>12</sup>). Links are compared without their fragment, which never reaches the
 * server, with scheme and host in lower case, without user info and with the default port
 * spelled out or not: the same request either way. The hash is read off the link in
 * place, with no string built: it runs on every page. It need not resist a server that
 * crafts collisions: one would only end its own listing early, as a cycle, while no link
 * can pass the guard by colliding.
 */
final class VisitedLinks {

	private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private final Set<Long> digests = new HashSet<>();

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

	private static long digest(URI link) {
		long hash = FNV_OFFSET_BASIS;
		hash = mix(hash, link.getScheme(), true);
		hash = mix(hash, "://", false);
		// the request's origin: user info is not sent, a default port is the same (every
		// link here passed the origin check, so it has a host)
		hash = mix(hash, link.getHost(), true);
		hash = (mix(hash, ":", false) ^ PageLinks.port(link)) * FNV_PRIME;
		hash = mix(hash, link.getRawPath(), false);
		if (link.getRawQuery() != null) {
			hash = mix(hash, "?", false);
			hash = mix(hash, link.getRawQuery(), false);
		}
		return hash;
	}

	private static long mix(long hash, @Nullable String part, boolean caseInsensitive) {
		if (part == null) {
			return hash;
		}
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			hash = (hash ^ (caseInsensitive ? Character.toLowerCase(c) : c)) * FNV_PRIME;
		}
		return hash;
	}

	/**
	 * The query may be long and is the server's: the message keeps the path.
	 */
	private static String withoutQuery(URI link) {
		return link.getScheme() + "://" + link.getRawAuthority() + link.getRawPath()
				+ ((link.getRawQuery() != null) ? "?..." : "");
	}

}
