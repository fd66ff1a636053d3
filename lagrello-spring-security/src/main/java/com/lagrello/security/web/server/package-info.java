/**
 * The WebFlux side of magic links: the failure path of a magic-link request that could
 * not be sent.
 */
@NullMarked
package com.lagrello.security.web.server;

import org.jspecify.annotations.NullMarked;
