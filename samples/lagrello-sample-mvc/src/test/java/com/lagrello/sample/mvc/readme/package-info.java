/**
 * The README's examples, compiled and run as tests, and a check that the README prints
 * them as they are here.
 */
package com.lagrello.sample.mvc.readme;
