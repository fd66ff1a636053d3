package com.lagrello.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The links of a page of tokens, exactly as the API gives them: absolute or relative
 * URLs, {@code null} (or empty) when there is no such page.
 *
 * @param next the link to the next page, or {@code null}
 * @param previous the link to the previous page, or {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Paging(@JsonProperty("next") @Nullable String next, @JsonProperty("previous") @Nullable String previous) {

	/** Paging of a page that has no neighbours. */
	public static final Paging NONE = new Paging(null, null);

	/**
	 * Whether there is a next page.
	 * @return {@code true} if {@link #next()} is neither absent nor blank
	 */
	public boolean hasNext() {
		return this.next != null && !this.next.isBlank();
	}

}
