package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordflow.RecordflowApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

/** The postgres profile without its database settings: a list of what to set, before anything connects. */
@ExtendWith(OutputCaptureExtension.class)
class PostgresSettingsCheckTest {

    static final String URL_MISSING = "RECORDFLOW_DB_URL is not set: set it to the PostgreSQL server's JDBC URL "
            + "(jdbc:postgresql://host:5432/database)";
    static final String USER_MISSING = "RECORDFLOW_DB_USER is not set: set it to the database user Recordflow connects as";
    static final String PASSWORD_MISSING = "RECORDFLOW_DB_PASSWORD is not set: set it to that user's password, from your secret store";

    @Test
    void withoutItsVariablesThePostgresProfileListsEachMissingOne() {
        assertThatThrownBy(() -> check(postgres(Map.of())))
                .isInstanceOf(RefusedSettingsException.class)
                .hasMessage("Refusing to start with the postgres profile:\n  - " + URL_MISSING + "\n  - " + USER_MISSING
                        + "\n  - " + PASSWORD_MISSING);
    }

    @Test
    void anotherDatabasesUrlIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> check(postgres(Map.of("RECORDFLOW_DB_URL", "jdbc:h2:mem:x;password=secret",
                "RECORDFLOW_DB_USER", "recordflow", "RECORDFLOW_DB_PASSWORD", "secret"))))
                .isInstanceOf(RefusedSettingsException.class)
                .hasMessageContaining("RECORDFLOW_DB_URL is not a PostgreSQL JDBC URL").hasMessageNotContaining("secret");
    }

    @Test
    void completeSettingsAndOtherProfilesPass() {
        assertThatCode(() -> check(postgres(Map.of("RECORDFLOW_DB_URL", "jdbc:postgresql://db:5432/recordflow",
                "RECORDFLOW_DB_USER", "recordflow", "RECORDFLOW_DB_PASSWORD", "")))).doesNotThrowAnyException();
        assertThatCode(() -> check(ShippedSettings.of("application.yml", "application-demo.yml"))).doesNotThrowAnyException();
    }

    @Test
    void startingWithoutThemEndsInTheListNotAStackTrace(CapturedOutput output) {
        var application = new SpringApplication(RecordflowApplication.class);
        // This JVM's logging stays as the tests set it up
        application.setListeners(application.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        application.setEnvironment(ShippedSettings.of());

        assertThatThrownBy(() -> application.run("--spring.profiles.active=postgres"))
                .isInstanceOf(RefusedSettingsException.class);

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "Refusing to start with the postgres profile",
                URL_MISSING, USER_MISSING, PASSWORD_MISSING).doesNotContain("\tat org.");
    }

    private static StandardEnvironment postgres(Map<String, Object> variables) {
        StandardEnvironment environment = ShippedSettings.withVariables(
                ShippedSettings.of("application.yml", "application-postgres.yml"), variables);
        environment.setActiveProfiles(PostgresSettingsCheck.PROFILE);
        return environment;
    }

    private static void check(StandardEnvironment environment) {
        new PostgresSettingsCheck().postProcessEnvironment(environment, null);
    }
}
