/**
 * A fake Lagrello API on a real local socket, for tests, with no Spring and no dependency
 * on the client: {@link com.lagrello.fake.FakeLagrello}, the stateful Tokens API, and
 * {@link com.lagrello.fake.ScriptedServer}, whose every answer the test scripts. Both
 * record what they receive as {@link com.lagrello.fake.ReceivedRequest}s.
 */
@NullMarked
package com.lagrello.fake;

import org.jspecify.annotations.NullMarked;
