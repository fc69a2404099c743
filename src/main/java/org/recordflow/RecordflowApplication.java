package org.recordflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RecordflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecordflowApplication.class, args);
    }
}
