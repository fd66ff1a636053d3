/**
 * Actuator health indicator of the Lagrello API.
 */
@NullMarked
package com.lagrello.health;

import org.jspecify.annotations.NullMarked;
