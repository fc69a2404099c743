package org.recordflow.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * With the {@code postgres} profile, refuses to start before anything connects when the database
 * settings are missing, listing each one, rather than failing on an unresolved placeholder deep in
 * a stack trace. Runs once the configuration files are read (registered in META-INF/spring.factories).
 */
public class PostgresSettingsCheck implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "postgres";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new RefusedSettingsException(PROFILE, problems);
        }
    }

    static List<String> problems(Environment environment) {
        if (!environment.matchesProfiles(PROFILE)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        String url = setting(environment, "spring.datasource.url");
        if (url == null || url.isBlank()) {
            problems.add("RECORDFLOW_DB_URL is not set: set it to the PostgreSQL server's JDBC URL "
                    + "(jdbc:postgresql://host:5432/database)");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            // (not shown: a JDBC URL may carry a password)
            problems.add("RECORDFLOW_DB_URL is not a PostgreSQL JDBC URL: it must start with jdbc:postgresql://");
        }
        String user = setting(environment, "spring.datasource.username");
        if (user == null || user.isBlank()) {
            problems.add("RECORDFLOW_DB_USER is not set: set it to the database user Recordflow connects as");
        }
        if (setting(environment, "spring.datasource.password") == null) {
            problems.add("RECORDFLOW_DB_PASSWORD is not set: set it to that user's password, from your secret store");
        }
        return problems;
    }

    /** A setting's value; null when missing or when it names an environment variable that is not set. */
    private static String setting(Environment environment, String key) {
        try {
            return environment.getProperty(key);
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return null;
        }
    }

    /** After the configuration files (and with them the active profiles) are read. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
