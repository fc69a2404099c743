package org.recordflow.oversight;

import org.recordflow.platform.RecordflowGroups;
import org.recordflow.platform.UserAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the user Prometheus scrapes {@code /actuator/prometheus} with (HTTP Basic), when
 * {@code recordflow.oversight.scrape-user} is set: a member of group {@code monitoring} only, which may
 * read the metrics but not the supervisor's dashboard. Never overwrites an existing user or password.
 */
@Component
@Order(2)
class ScrapeUserBootstrap implements ApplicationRunner {

    static final String MONITORING_GROUP = RecordflowGroups.MONITORING;

    /** The scrape password of the demo profile and of docker-compose.yml's default. */
    static final String DEMO_PASSWORD = "prometheus-demo";
    static final String PRODUCTION_PROFILE = "production";

    private final UserAccounts accounts;
    private final OversightProperties properties;
    private final Environment environment;

    ScrapeUserBootstrap(UserAccounts accounts, OversightProperties properties, Environment environment) {
        this.accounts = accounts;
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String user = properties.scrapeUser();
        if (user == null || user.isBlank()) {
            return;
        }
        String password = properties.scrapePassword();
        if (password == null || password.length() < 12) {
            throw new IllegalStateException("RECORDFLOW_METRICS_PASSWORD must have at least 12 characters");
        }
        if (environment.matchesProfiles(PRODUCTION_PROFILE) && DEMO_PASSWORD.equals(password)) {
            throw new IllegalStateException("RECORDFLOW_METRICS_PASSWORD is the demo's: set your own for production");
        }
        accounts.ensureGroup(MONITORING_GROUP, "Monitoring (metrics scrape)", "SYSTEM");
        accounts.ensureUser(user, "Prometheus", "Scrape", password, MONITORING_GROUP);
    }
}
