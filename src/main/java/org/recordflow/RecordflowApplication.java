package org.recordflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
// Periodic work of several modules: oversight's metrics refresh, records' document store sweep
@EnableScheduling
public class RecordflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecordflowApplication.class, args);
    }
}
