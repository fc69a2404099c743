package org.recordflow.oversight;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the supervisor's dashboard and of the Prometheus metrics.
 *
 * @param dueSoonDays       requests whose deadline falls within this many days count as "due soon"
 * @param periodDays        default period of the provider league table and of cycle times, ending today
 * @param trendWeeks        weeks shown in the cycle-time trend
 * @param metricsRefresh    how often the metric gauges are recomputed; a scrape reads the last values
 * @param scrapeUser        a user created at start-up for Prometheus' scrape (HTTP Basic), group {@code monitoring}
 * @param scrapePassword    its password (12 characters or more)
 */
@ConfigurationProperties("recordflow.oversight")
record OversightProperties(
        @DefaultValue("7") int dueSoonDays,
        @DefaultValue("90") int periodDays,
        @DefaultValue("12") int trendWeeks,
        @DefaultValue("30s") Duration metricsRefresh,
        String scrapeUser,
        String scrapePassword) {
}
