/**
 * The blocking faces of the reactive clients: {@code BlockingCalls} is the one place of
 * the library that blocks (refusing non-blocking and interrupted threads, bounding every
 * wait by the call timeout, translating interrupts) and knows no API area;
 * {@link com.lagrello.client.blocking.BlockingTokensClientAdapter},
 * {@link com.lagrello.client.blocking.BlockingUsersClientAdapter},
 * {@link com.lagrello.client.blocking.BlockingAuthClientAdapter} and
 * {@link com.lagrello.client.blocking.BlockingTenantClientAdapter} map each API area's
 * blocking client onto it.
 * <p>
 * Not API: public only for the client's own package, and may change in any release.
 */
@NullMarked
package com.lagrello.client.blocking;

import org.jspecify.annotations.NullMarked;
