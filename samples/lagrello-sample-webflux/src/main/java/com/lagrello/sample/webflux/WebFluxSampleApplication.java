package com.lagrello.sample.webflux;

import com.lagrello.sample.support.EmbeddedLagrelloConfiguration;
import com.lagrello.sample.support.LagrelloExceptionHandler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The WebFlux sample. Without {@code lagrello.base-url} and {@code lagrello.access-token}
 * it runs against an embedded fake Lagrello API; with them, against the real one.
 */
@SpringBootApplication
@Import({ EmbeddedLagrelloConfiguration.class, LagrelloExceptionHandler.class })
public class WebFluxSampleApplication {

	/**
	 * Runs the sample.
	 * @param args command-line arguments, for example {@code --sample.demo=true}
	 */
	public static void main(String[] args) {
		SpringApplication.run(WebFluxSampleApplication.class, args);
	}

}
