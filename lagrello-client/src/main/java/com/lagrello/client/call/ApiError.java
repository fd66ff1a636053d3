package com.lagrello.client.call;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The API's {@code Error} body.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(@JsonProperty("errorType") @Nullable String errorType,
		@JsonProperty("message") @Nullable String message) {
}
