package com.lagrello.client.paging;

import java.net.URI;
import java.util.function.ToLongFunction;

import com.lagrello.client.LagrelloPagingException;
import com.lagrello.client.TokenList;
import org.jspecify.annotations.Nullable;

/**
 * The state of one subscription to a listing, shared by the runs that fetch its pages:
 * its demand ({@link DemandGate}), the links it visited ({@link VisitedLinks}) and how it
 * counts what a page delivered (tokens or pages), with the reading of the server's links
 * both runs need. Pages are visited in order, one at a time, so the links visited need no
 * lock.
 */
final class Drain {

	private final DemandGate gate = new DemandGate();

	private final VisitedLinks visited;

	private final ToLongFunction<TokenList> delivered;

	private final PageLinks links;

	private final URI tokens;

	private final Origin tokensOrigin;

	Drain(PageLinks links, URI tokens, int maxPages, ToLongFunction<TokenList> delivered) {
		this.links = links;
		this.tokens = tokens;
		this.tokensOrigin = Origin.of(tokens);
		this.visited = new VisitedLinks(maxPages);
		this.delivered = delivered;
	}

	DemandGate gate() {
		return this.gate;
	}

	/**
	 * Counts what a page delivered against downstream demand.
	 */
	void received(TokenList page) {
		this.gate.received(this.delivered.applyAsLong(page));
	}

	/**
	 * Resolves and checks a server's link.
	 * @throws LagrelloPagingException if it is malformed or leaves the base URL's origin
	 */
	URI resolve(String next) {
		return this.links.resolve(next);
	}

	/**
	 * Returns the page a link asks for, when it is a page-number link of the listing.
	 */
	@Nullable PageNumber pageNumberOf(URI link) {
		return PageNumber.of(link, this.tokens, this.tokensOrigin);
	}

	/**
	 * The page a server's link asks for, when it is a page-number link of the listing in
	 * the client's own spelling.
	 */
	@Nullable PageNumber pageNumberOf(String next) {
		try {
			return pageNumberOf(resolve(next));
		}
		catch (LagrelloPagingException refused) {
			return null;
		}
	}

	/**
	 * Records that a page is about to be asked for: by the page it names when the link is
	 * a page-number link of the listing, whatever the server's order of parameters, so
	 * that a link back to a page fetched by number is a cycle.
	 * @throws LagrelloPagingException if it was asked for before, or it would be one page
	 * too many
	 */
	void visit(URI link) {
		// keyed alike at every concurrency: one server, one way of paging it; the
		// fragment never reaches the server
		PageNumber number = pageNumberOf((link.getRawFragment() == null) ? link
				: URI.create(link.toString().substring(0, link.toString().indexOf('#'))));
		if (number != null) {
			this.visited.visit(number);
		}
		else {
			this.visited.visit(link);
		}
	}

	/**
	 * Records that a page fetched by number is about to be asked for.
	 * @throws LagrelloPagingException if it was asked for before, or it would be one page
	 * too many
	 */
	void visit(PageNumber page) {
		this.visited.visit(page);
	}

	/**
	 * Returns how many more pages may be visited.
	 */
	int remaining() {
		return this.visited.remaining();
	}

}
