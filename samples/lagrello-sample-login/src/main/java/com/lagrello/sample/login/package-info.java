/**
 * The sign-in sample: users sign up, then sign in with a Lagrello magic link, or with a
 * password followed by a Lagrello TOTP code, through Spring Security 7.
 */
@NullMarked
package com.lagrello.sample.login;

import org.jspecify.annotations.NullMarked;
