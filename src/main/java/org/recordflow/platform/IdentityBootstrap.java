package org.recordflow.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the firm's groups, and at start-up either the local demo's users (profile {@code demo})
 * or the first administrator named by {@code RECORDFLOW_INITIAL_ADMIN_USER} and
 * {@code RECORDFLOW_INITIAL_ADMIN_PASSWORD}. Never overwrites an existing user or password.
 */
@Component
@Order(1)
class IdentityBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    @ConfigurationProperties("recordflow.demo")
    record DemoProperties(boolean usersEnabled, String password) {
    }

    @ConfigurationProperties("recordflow.initial-admin")
    record InitialAdminProperties(String user, String password) {
    }

    record DemoUser(String id, String firstName, String lastName, String... groups) {
    }

    /** Two paralegal teams, so that the demo shows a case reaching only its own team. */
    static final String PERSONAL_INJURY_TEAM = "injuryteam";
    static final String MEDICAL_MALPRACTICE_TEAM = "malpracticeteam";

    static final List<RecordflowGroups.GroupDefinition> DEMO_TEAMS = List.of(
            new RecordflowGroups.GroupDefinition(PERSONAL_INJURY_TEAM, "Personal injury paralegals", RecordflowGroups.TEAM_TYPE),
            new RecordflowGroups.GroupDefinition(MEDICAL_MALPRACTICE_TEAM, "Medical malpractice paralegals",
                    RecordflowGroups.TEAM_TYPE));

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("paula", "Paula", "Reyes", RecordflowGroups.PARALEGALS, PERSONAL_INJURY_TEAM),
            new DemoUser("pat", "Pat", "Okafor", RecordflowGroups.PARALEGALS, MEDICAL_MALPRACTICE_TEAM),
            new DemoUser("sam", "Sam", "Whitfield", RecordflowGroups.SUPERVISORS),
            new DemoUser("alex", "Alex", "Morgan", RecordflowGroups.ATTORNEYS),
            new DemoUser("riley", "Riley", "Chen", RecordflowGroups.REVIEWERS),
            new DemoUser("admin", "Ada", "Admin", RecordflowGroups.ADMINS));

    private final IdentityService identity;
    private final UserAccounts accounts;
    private final DemoProperties demo;
    private final InitialAdminProperties initialAdmin;

    IdentityBootstrap(IdentityService identity, UserAccounts accounts, DemoProperties demo,
                      InitialAdminProperties initialAdmin) {
        this.identity = identity;
        this.accounts = accounts;
        this.demo = demo;
        this.initialAdmin = initialAdmin;
    }

    @Override
    public void run(ApplicationArguments args) {
        RecordflowGroups.ALL.forEach(g -> accounts.ensureGroup(g.id(), g.name(), g.type()));
        if (demo.usersEnabled()) {
            if (demo.password() == null || demo.password().isBlank()) {
                throw new IllegalStateException("recordflow.demo.password must be set when demo users are enabled");
            }
            DEMO_TEAMS.forEach(g -> accounts.ensureGroup(g.id(), g.name(), g.type()));
            DEMO_USERS.forEach(u -> accounts.ensureUser(u.id(), u.firstName(), u.lastName(), demo.password(), u.groups()));
        }
        if (initialAdmin.user() != null && !initialAdmin.user().isBlank()) {
            if (initialAdmin.password() == null || initialAdmin.password().length() < 12) {
                throw new IllegalStateException("RECORDFLOW_INITIAL_ADMIN_PASSWORD must have at least 12 characters");
            }
            accounts.ensureUser(initialAdmin.user(), "Recordflow", "Administrator", initialAdmin.password(), RecordflowGroups.ADMINS);
        }
        administratorsAreCamundaAdmins();
    }

    /** Camunda's webapps recognise administrators by its own group id; keep it in step with ours. */
    private void administratorsAreCamundaAdmins() {
        for (User admin : identity.createUserQuery().memberOfGroup(RecordflowGroups.ADMINS).list()) {
            if (identity.createUserQuery().userId(admin.getId()).memberOfGroup(RecordflowGroups.CAMUNDA_ADMIN).count() == 0) {
                identity.createMembership(admin.getId(), RecordflowGroups.CAMUNDA_ADMIN);
            }
        }
    }
}
