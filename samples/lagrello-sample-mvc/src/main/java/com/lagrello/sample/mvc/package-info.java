/**
 * A Spring MVC (servlet) application that uses the Lagrello clients from blocking code:
 * tokens, and user sign-up with TOTP.
 */
@NullMarked
package com.lagrello.sample.mvc;

import org.jspecify.annotations.NullMarked;
