package com.lagrello.sample.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * A minimal application that imports the embedded fake as the samples do.
 */
@SpringBootApplication
@Import(EmbeddedLagrelloConfiguration.class)
class SupportTestApplication {

}
