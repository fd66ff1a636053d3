/**
 * Test support for applications that use the Lagrello starter:
 * {@link com.lagrello.test.FakeLagrelloServer}, a stateful in-memory fake of the Lagrello
 * Tokens API on a real local socket; {@link com.lagrello.test.AutoConfigureFakeLagrello},
 * which points a Spring Boot test at one; and
 * {@link com.lagrello.test.FakeLagrelloExtension} for plain JUnit tests.
 */
@NullMarked
package com.lagrello.test;

import org.jspecify.annotations.NullMarked;
