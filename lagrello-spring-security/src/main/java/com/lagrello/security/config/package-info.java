/**
 * Spring Security configuration of Lagrello's TOTP factor for servlet applications:
 * {@link com.lagrello.security.config.LagrelloTotpConfigurer}. Needs
 * {@code spring-security-config}, which an application that configures
 * {@code HttpSecurity} has.
 */
@NullMarked
package com.lagrello.security.config;

import org.jspecify.annotations.NullMarked;
