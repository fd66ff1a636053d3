/**
 * Spring Security configuration of Lagrello's TOTP factor for servlet applications:
 * {@link com.lagrello.security.config.LagrelloTotpConfigurer}; and of the failure path of
 * a magic-link request: {@link com.lagrello.security.config.LagrelloMagicLinkConfigurer}.
 * Needs {@code spring-security-config}, which an application that configures
 * {@code HttpSecurity} has.
 */
@NullMarked
package com.lagrello.security.config;

import org.jspecify.annotations.NullMarked;
