package com.lagrello.sample.mvc;

import com.lagrello.test.FakeLagrelloConfiguration;

import org.springframework.boot.SpringApplication;

/**
 * Runs the sample locally against a fake Lagrello API, whatever {@code lagrello.*}
 * connection is configured, the way Spring Boot runs an application with test
 * configuration: run it from the IDE, or with {@code spring-boot:test-run}. An
 * application of yours does the same with {@code YourApplication::main}.
 */
public class TestMvcSampleApplication {

	/**
	 * Runs the sample against the fake.
	 * @param args command-line arguments
	 */
	public static void main(String[] args) {
		application().run(args);
	}

	static SpringApplication.Augmented application() {
		return SpringApplication.from(MvcSampleApplication::main).with(FakeLagrelloConfiguration.class);
	}

}
