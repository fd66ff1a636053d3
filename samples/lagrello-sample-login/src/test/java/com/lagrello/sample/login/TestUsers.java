package com.lagrello.sample.login;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Names of users for one test each: the tests of a class share one application and its
 * fake Lagrello, which keeps every user.
 */
public final class TestUsers {

	/** The password every test user gets. */
	public static final String PASSWORD = "correct horse battery";

	private static final AtomicInteger counter = new AtomicInteger();

	private TestUsers() {
	}

	/**
	 * Returns a user name no other test uses.
	 * @param prefix what the name says about the test
	 * @return the name
	 */
	public static String unique(String prefix) {
		return prefix + "-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet();
	}

	/**
	 * Returns the e-mail address the tests give a user.
	 * @param username the user
	 * @return the address
	 */
	public static String email(String username) {
		return username + "@example.com";
	}

}
