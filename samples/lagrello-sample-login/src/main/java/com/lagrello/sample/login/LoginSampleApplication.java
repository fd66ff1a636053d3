package com.lagrello.sample.login;

import com.lagrello.sample.support.EmbeddedLagrelloConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The sign-in sample. Without {@code lagrello.base-url} and {@code lagrello.access-token}
 * it runs against an embedded fake Lagrello API, whose "mailbox" it shows at
 * {@code /mailbox}; with them, against the real one.
 */
@SpringBootApplication
@Import(EmbeddedLagrelloConfiguration.class)
public class LoginSampleApplication {

	/**
	 * Runs the sample.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(LoginSampleApplication.class, args);
	}

}
