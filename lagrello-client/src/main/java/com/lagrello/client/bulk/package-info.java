/**
 * {@code deleteAll}: a snapshot of every token, then bounded deletes that never revoke an
 * access token the batch used, hold each other back on a {@code Retry-After} (through the
 * call pipeline's {@code CallCoordination}) and, for the blocking {@code deleteAll}, end
 * together at the call timeout.
 * <p>
 * Not API: public only for the client's own package, and may change in any release.
 */
@NullMarked
package com.lagrello.client.bulk;

import org.jspecify.annotations.NullMarked;
