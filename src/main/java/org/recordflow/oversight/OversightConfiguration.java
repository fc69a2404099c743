package org.recordflow.oversight;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the metrics refresh ({@link OversightMetrics}) on Spring's scheduler. */
@Configuration
@EnableScheduling
class OversightConfiguration {
}
