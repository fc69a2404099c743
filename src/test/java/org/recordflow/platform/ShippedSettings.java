package org.recordflow.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings of Recordflow's configuration files, each overriding the ones before it as Spring Boot
 * reads profiles, without this machine's environment variables.
 */
final class ShippedSettings {

    private ShippedSettings() {
    }

    static StandardEnvironment of(String... files) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        for (String file : files) {
            try {
                for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                    environment.getPropertySources().addFirst(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return environment;
    }

    /** As if these environment variables were set. */
    static StandardEnvironment withVariables(StandardEnvironment environment, Map<String, Object> variables) {
        environment.getPropertySources().addLast(new MapPropertySource("variables", variables));
        return environment;
    }
}
