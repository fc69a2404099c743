package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The scrape user is refused, before anything is created, with a short password or the demo's in production. */
class ScrapeUserBootstrapTest {

    private final IdentityService identity = mock(IdentityService.class);

    @Test
    void shortPasswordIsRefused() {
        assertThatThrownBy(() -> bootstrap("short", new MockEnvironment()).run(null))
                .hasMessageContaining("at least 12 characters");
        verifyNoInteractions(identity);
    }

    @Test
    void demoPasswordIsRefusedInProduction() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres", ScrapeUserBootstrap.PRODUCTION_PROFILE);
        assertThatThrownBy(() -> bootstrap(ScrapeUserBootstrap.DEMO_PASSWORD, production).run(null))
                .hasMessageContaining("demo's");
        verifyNoInteractions(identity);
    }

    private ScrapeUserBootstrap bootstrap(String password, MockEnvironment environment) {
        return new ScrapeUserBootstrap(identity,
                new OversightProperties(7, 90, 12, Duration.ofSeconds(30), "prometheus", password), environment);
    }
}
