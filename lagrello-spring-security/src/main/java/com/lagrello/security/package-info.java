/**
 * Lagrello as a source of Spring Security 7 authentication: sign-in with Lagrello's
 * e-mailed magic links through Spring Security's one-time-token login
 * ({@link com.lagrello.security.LagrelloOneTimeTokenService},
 * {@link com.lagrello.security.ReactiveLagrelloOneTimeTokenService}), and Lagrello's TOTP
 * codes as a factor of its multi-factor authentication
 * ({@link com.lagrello.security.LagrelloTotpAuthenticationProvider}). A Lagrello that
 * cannot answer is an
 * {@link org.springframework.security.authentication.AuthenticationServiceException},
 * never a wrong code or link. This package has no Spring Boot dependency.
 */
@NullMarked
package com.lagrello.security;

import org.jspecify.annotations.NullMarked;
