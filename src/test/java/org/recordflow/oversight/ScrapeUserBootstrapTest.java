package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.platform.UserAccounts;
import org.recordflow.support.ProcessEngineTests;
import org.springframework.mock.env.MockEnvironment;

/**
 * The scrape user, against a real engine's identity store: created in group monitoring; refused,
 * before anything is created, with a short password or the demo's in production.
 */
class ScrapeUserBootstrapTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;

    @AfterEach
    void cleanUp() {
        IdentityService identity = processEngine.getIdentityService();
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
        identity.createGroupQuery().list().forEach(g -> identity.deleteGroup(g.getId()));
    }

    @Test
    void theScrapeUserIsCreatedInTheMonitoringGroupOnly() {
        bootstrap("a long scrape secret", new MockEnvironment()).run(null);

        IdentityService identity = processEngine.getIdentityService();
        assertThat(identity.createGroupQuery().groupMember("prometheus").list())
                .extracting(g -> g.getId()).containsExactly(ScrapeUserBootstrap.MONITORING_GROUP);
        assertThat(identity.checkPassword("prometheus", "a long scrape secret")).isTrue();
    }

    @Test
    void shortPasswordIsRefused() {
        assertThatThrownBy(() -> bootstrap("short", new MockEnvironment()).run(null))
                .hasMessageContaining("at least 12 characters");
        assertThat(processEngine.getIdentityService().createUserQuery().count()).isZero();
    }

    @Test
    void demoPasswordIsRefusedInProduction() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres", ScrapeUserBootstrap.PRODUCTION_PROFILE);
        assertThatThrownBy(() -> bootstrap(ScrapeUserBootstrap.DEMO_PASSWORD, production).run(null))
                .hasMessageContaining("demo's");
        assertThat(processEngine.getIdentityService().createUserQuery().count()).isZero();
    }

    private ScrapeUserBootstrap bootstrap(String password, MockEnvironment environment) {
        return new ScrapeUserBootstrap(new UserAccounts(processEngine.getIdentityService()),
                new OversightProperties(7, 90, 12, Duration.ofSeconds(30), "prometheus", password), environment);
    }
}
