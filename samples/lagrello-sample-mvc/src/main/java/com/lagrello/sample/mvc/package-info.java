/**
 * A Spring MVC (servlet) application that uses the Lagrello
 * {@link com.lagrello.client.TokensClient} from blocking code.
 */
@NullMarked
package com.lagrello.sample.mvc;

import org.jspecify.annotations.NullMarked;
