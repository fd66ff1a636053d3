package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A user of the tenant, as the API returns it.
 *
 * @param userId the user's id, the application's own
 * @param email the user's e-mail address, {@code null} when the user has none
 */
// names pinned, so that an application's naming strategy cannot change the wire format
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(@JsonProperty("userId") String userId, @JsonProperty("email") @Nullable String email) {

}
