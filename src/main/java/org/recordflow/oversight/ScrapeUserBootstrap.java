package org.recordflow.oversight;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.recordflow.platform.RecordflowGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(ScrapeUserBootstrap.class);

    /** The scrape password of the demo profile and of docker-compose.yml's default. */
    static final String DEMO_PASSWORD = "prometheus-demo";
    static final String PRODUCTION_PROFILE = "production";

    private final IdentityService identity;
    private final OversightProperties properties;
    private final Environment environment;

    ScrapeUserBootstrap(IdentityService identity, OversightProperties properties, Environment environment) {
        this.identity = identity;
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
        if (identity.createGroupQuery().groupId(MONITORING_GROUP).count() == 0) {
            Group group = identity.newGroup(MONITORING_GROUP);
            group.setName("Monitoring (metrics scrape)");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(user).count() == 0) {
            User scraper = identity.newUser(user);
            scraper.setFirstName("Prometheus");
            scraper.setLastName("Scrape");
            scraper.setPassword(password);
            identity.saveUser(scraper);
            identity.createMembership(user, MONITORING_GROUP);
            log.info("Created metrics scrape user {} in group {}", user, MONITORING_GROUP);
        }
    }
}
