/**
 * Auto-configuration of sign-in with Lagrello through Spring Security, active when
 * {@code lagrello-spring-security} and Spring Security are on the class path.
 */
@NullMarked
package com.lagrello.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
