package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The API's {@code Error} body.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ApiError(@Nullable String errorType, @Nullable String message) {
}
