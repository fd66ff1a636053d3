/**
 * Auto-configuration of the Lagrello Actuator health indicator.
 */
@NullMarked
package com.lagrello.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
