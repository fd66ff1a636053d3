package com.lagrello.sample.mvc;

import com.lagrello.sample.support.EmbeddedLagrelloConfiguration;
import com.lagrello.sample.support.LagrelloExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Spring MVC sample: a servlet application, which the starter does not turn into a
 * reactive one. Without {@code lagrello.base-url} and {@code lagrello.access-token} it
 * runs against an embedded fake Lagrello API; with them, against the real one.
 */
@SpringBootApplication
@Import({ EmbeddedLagrelloConfiguration.class, LagrelloExceptionHandler.class })
public class MvcSampleApplication {

	/**
	 * Runs the sample.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		SpringApplication.run(MvcSampleApplication.class, args);
	}

}
