package org.recordflow.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /** The firm's time zone decides what "today" is for due dates; defaults to the server's. */
    @Bean
    Clock clock(@Value("${recordflow.time-zone:}") String timeZone) {
        return new EngineClock(timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone));
    }
}
