/**
 * Paging through the tokens: {@link com.lagrello.client.paging.TokenPages} composes a run
 * that follows the server's {@code next} links one page at a time and, at a concurrency
 * above 1, a run that fetches page-number pages several at a time, each checked against
 * the server's links. {@link com.lagrello.client.paging.PageLinks} refuses links to
 * another origin (one {@code Origin} value decides "the same origin" for every check), a
 * cycle guard refuses links visited before, and a demand gate sends nothing ahead of
 * downstream demand.
 * <p>
 * Not API: public only for the client's own packages, and may change in any release.
 */
@NullMarked
package com.lagrello.client.paging;

import org.jspecify.annotations.NullMarked;
