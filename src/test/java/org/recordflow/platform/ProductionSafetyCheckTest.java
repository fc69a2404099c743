package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.support.ProcessEngineTests;
import org.springframework.mock.env.MockEnvironment;

/** The production profile's refusals, against a real engine's identity store. */
class ProductionSafetyCheckTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;

    @AfterEach
    void removeUsers() {
        IdentityService identity = processEngine.getIdentityService();
        identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    }

    ProductionSafetyCheck check(MockEnvironment environment) {
        return new ProductionSafetyCheck(environment, processEngine.getIdentityService(),
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration());
    }

    /** The engine tests share runs without authorizations; production runs with them. */
    List<String> problemsWithAuthorizationsOn(MockEnvironment environment) {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        configuration.setAuthorizationEnabled(true);
        try {
            return check(environment).problems();
        } finally {
            configuration.setAuthorizationEnabled(false);
        }
    }

    void user(String id, String password) {
        User user = processEngine.getIdentityService().newUser(id);
        user.setPassword(password);
        processEngine.getIdentityService().saveUser(user);
    }

    @Test
    void aDemoSetUpIsRefusedWithEveryReason() {
        user("admin", "demo");
        var environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./data/recordflow")
                .withProperty("recordflow.demo.users-enabled", "true")
                .withProperty("recordflow.initial-admin.password", "admin");
        environment.setActiveProfiles("production", "demo");

        assertThatThrownBy(() -> check(environment).afterPropertiesSet())
                .hasMessageContaining("Refusing to start with the production profile")
                .hasMessageContaining("the demo profile is active")
                .hasMessageContaining("Camunda authorizations are off")
                .hasMessageContaining("recordflow.demo.users-enabled is true")
                .hasMessageContaining("the database is embedded H2")
                .hasMessageContaining("the database password is empty")
                .hasMessageContaining("RECORDFLOW_INITIAL_ADMIN_PASSWORD is too weak")
                .hasMessageContaining("user 'admin' has a default password");
    }

    @Test
    void armedFaultInjectionIsRefused() {
        user("admin", "a long and private passphrase");
        var environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/recordflow")
                .withProperty("spring.datasource.password", "from-the-secret-store")
                .withProperty("recordflow.fault-injection.halt-at", FaultInjection.MAIL_ACCEPTED);
        environment.setActiveProfiles("production", "postgres");

        assertThat(problemsWithAuthorizationsOn(environment))
                .containsExactly("recordflow.fault-injection.halt-at is set: fault injection halts threads on purpose, for crash tests only");
    }

    @Test
    void aProperSetUpStartsAndProbingPasswordsLocksNoAccount() {
        user("admin", "a long and private passphrase");
        var environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db:5432/recordflow")
                .withProperty("spring.datasource.password", "from-the-secret-store")
                .withProperty("recordflow.initial-admin.password", "a long and private passphrase");
        environment.setActiveProfiles("production", "postgres");

        assertThat(problemsWithAuthorizationsOn(environment)).isEmpty();
        assertThat(processEngine.getIdentityService().checkPassword("admin", "a long and private passphrase")).isTrue();
    }
}
