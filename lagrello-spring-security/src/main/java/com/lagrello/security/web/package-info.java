/**
 * The servlet side of the TOTP factor: the filter that processes a posted code and the
 * default page that asks for it.
 * {@code com.lagrello.security.config.LagrelloTotpConfigurer} sets both up. And the
 * failure path of a magic-link request that could not be sent, which
 * {@code com.lagrello.security.config.LagrelloMagicLinkConfigurer} sets up.
 */
@NullMarked
package com.lagrello.security.web;

import org.jspecify.annotations.NullMarked;
