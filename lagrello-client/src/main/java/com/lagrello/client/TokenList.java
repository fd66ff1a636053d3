package com.lagrello.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of tokens with the links to its neighbours.
 *
 * @param data the tokens of this page; never {@code null}
 * @param paging the links to the next and previous pages; never {@code null}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TokenList(List<Token> data, Paging paging) {

	/**
	 * Creates a page, treating absent data or paging as empty.
	 */
	public TokenList(@JsonProperty("data") @Nullable List<Token> data,
			@JsonProperty("paging") @Nullable Paging paging) {
		this.data = (data != null) ? List.copyOf(data) : List.of();
		this.paging = (paging != null) ? paging : Paging.NONE;
	}

}
