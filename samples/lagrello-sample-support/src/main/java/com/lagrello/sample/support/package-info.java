/**
 * What both samples share: the embedded fake Lagrello API they run against by default,
 * the mapping of Lagrello failures to problem details, and the bodies of
 * {@code POST /tokens}, {@code POST /users} and {@code POST /users/{userId}/totp/verify}.
 */
@NullMarked
package com.lagrello.sample.support;

import org.jspecify.annotations.NullMarked;
