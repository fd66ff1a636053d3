package com.lagrello.autoconfigure;

import com.lagrello.client.LagrelloException;

/**
 * Start-up failed because no Lagrello access token is configured.
 */
public class MissingAccessTokenException extends LagrelloException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception whose message says which property to set.
	 */
	public MissingAccessTokenException() {
		super("No Lagrello access token is configured: set the property 'lagrello.access-token' (for example with the"
				+ " environment variable LAGRELLO_ACCESS_TOKEN), or define a LagrelloConnectionDetails bean");
	}

}
