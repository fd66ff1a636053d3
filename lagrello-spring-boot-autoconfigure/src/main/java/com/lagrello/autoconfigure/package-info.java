/**
 * Spring Boot auto-configuration of the Lagrello client: {@code lagrello.*} properties,
 * connection details, customization hooks and start-up failure analysis.
 */
@NullMarked
package com.lagrello.autoconfigure;

import org.jspecify.annotations.NullMarked;
