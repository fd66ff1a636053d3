/**
 * The sample's sign-in paths driven in a real, headless Chromium: run with
 * {@code -Pbrowser} only, where Debian's {@code chromium} and {@code chromium-driver} are
 * installed.
 */
@NullMarked
package com.lagrello.sample.login.browser;

import org.jspecify.annotations.NullMarked;
