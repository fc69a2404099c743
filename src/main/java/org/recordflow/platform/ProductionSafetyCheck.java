package org.recordflow.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the {@code production} profile, Recordflow refuses to start on settings that are fine for a
 * demo and dangerous with real PHI: demo users or their password, an embedded H2 database, a
 * database without a password, a weak initial administrator password, armed fault injection.
 */
@Component
@Profile(ProductionSafetyCheck.PROFILE)
class ProductionSafetyCheck implements InitializingBean {

    static final String PROFILE = "production";
    static final List<String> KNOWN_WEAK_PASSWORDS = List.of("demo", "admin", "password", "changeme", "camunda", "recordflow");

    private final Environment environment;
    private final IdentityService identity;
    private final PasswordManager passwords;
    private final ProcessEngineConfigurationImpl engine;

    ProductionSafetyCheck(Environment environment, IdentityService identity, ProcessEngineConfigurationImpl engine) {
        this.environment = environment;
        this.identity = identity;
        this.engine = engine;
        this.passwords = engine.getPasswordManager();
    }

    /**
     * Compares against the stored hash directly: {@code IdentityService.checkPassword} would record
     * each probe as a failed login (and lock the account, were Camunda's lock not switched off).
     */
    private boolean hasPassword(User user, String candidate) {
        return user instanceof UserEntity entity && entity.getPassword() != null
                && passwords.check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword());
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new RefusedSettingsException(PROFILE, problems);
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
            problems.add("the demo profile is active: remove it from SPRING_PROFILES_ACTIVE");
        }
        if (environment.getProperty("recordflow.demo.users-enabled", Boolean.class, false)) {
            problems.add("recordflow.demo.users-enabled is true: demo users must not exist in production");
        }
        if (!engine.isAuthorizationEnabled()) {
            problems.add("Camunda authorizations are off: remove camunda.bpm.authorization.enabled=false, "
                    + "or every user reaches every case in Tasklist, Cockpit and the engine API");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:")) {
            problems.add("the database is embedded H2 (" + url + "): set RECORDFLOW_DB_URL to PostgreSQL");
        }
        if (environment.getProperty("spring.datasource.password", "").isBlank()) {
            problems.add("the database password is empty: set RECORDFLOW_DB_PASSWORD from your secret store");
        }
        if (!environment.getProperty(FaultInjection.HALT_AT, "").isBlank()) {
            problems.add(FaultInjection.HALT_AT + " is set: fault injection halts threads on purpose, for crash tests only");
        }
        String initialAdminPassword = environment.getProperty("recordflow.initial-admin.password", "");
        if (!initialAdminPassword.isEmpty() && (initialAdminPassword.length() < 12
                || KNOWN_WEAK_PASSWORDS.contains(initialAdminPassword.toLowerCase()))) {
            problems.add("RECORDFLOW_INITIAL_ADMIN_PASSWORD is too weak (12 characters or more, not a default)");
        }
        for (User user : identity.createUserQuery().list()) {
            if (KNOWN_WEAK_PASSWORDS.stream().anyMatch(weak -> hasPassword(user, weak))) {
                problems.add("user '" + user.getId() + "' has a default password: change it in Camunda Admin");
            }
        }
        return problems;
    }
}
