/**
 * What both samples share: the embedded fake Lagrello API they run against by default,
 * the mapping of Lagrello failures to problem details, and the request body of
 * {@code POST /tokens}.
 */
@NullMarked
package com.lagrello.sample.support;

import org.jspecify.annotations.NullMarked;
