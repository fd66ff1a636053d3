/**
 * Test support for applications that use the Lagrello starter:
 * {@link com.lagrello.test.FakeLagrelloServer}, a stateful in-memory fake of the Lagrello
 * API (tokens, users, TOTP and magic-link sign-in, the tenant) on a real local socket;
 * {@link com.lagrello.test.AutoConfigureFakeLagrello}, which points a Spring Boot test at
 * one; {@link com.lagrello.test.FakeLagrelloExtension} for plain JUnit tests; and
 * {@link com.lagrello.test.FakeLagrelloConfiguration}, to run an application locally
 * against one.
 */
@NullMarked
package com.lagrello.test;

import org.jspecify.annotations.NullMarked;
