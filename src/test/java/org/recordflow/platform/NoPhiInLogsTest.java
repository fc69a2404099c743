package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordflow.casefile.CaseLifecycleProcess;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.ApiTestSupport;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Names, dates of birth and record text never reach the application log at INFO and above, even on errors. */
@RecordflowSpringTest
@ExtendWith(OutputCaptureExtension.class)
class NoPhiInLogsTest extends ApiTestSupport {

    static final String CLIENT = "Zebediah Quarrington";
    static final String BIRTH_DATE = "1971-07-19";

    private final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    @BeforeEach
    void logAtInfo() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    @AfterEach
    void restoreLogLevel() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    @Test
    void aCaseWithRefusedInputLogsNoPatientData(CapturedOutput output) {
        paula.submitStartForm(CaseLifecycleProcess.KEY, intake("CA", List.of(holder("Mercy", "HOSPITAL", "MAIL", "1 Main St")),
                "clientName", CLIENT, "clientDateOfBirth", "2090-01-01"));
        String reference = cases.open(intake("CA", List.of(holder("Mercy", "HOSPITAL", "MAIL", "1 Main St")),
                "clientName", CLIENT, "clientDateOfBirth", BIRTH_DATE));
        cases.confirmHolders(reference);
        String task = (String) paula.tasks(Phases.COLLECT_SIGNED_AUTHORIZATION, reference).get(0).get("id");
        paula.submitTaskForm(task, Map.of("signerRole", "CLIENT", "signerName", CLIENT, "signedOn", "2026-11-02",
                "expiresOn", "2020-01-01"));
        paula.submitTaskForm(task, Map.of("signerRole", "CLIENT", "signerName", CLIENT, "signedOn", "2026-11-02",
                "expiresOn", "2027-11-02"));

        assertThat(output.getAll()).contains("Opened case " + reference).doesNotContain("Quarrington").doesNotContain(BIRTH_DATE)
                .doesNotContain("2090-01-01");
    }
}
