package org.recordflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.IntakeForms;
import org.recordflow.support.ApiTestSupport;
import org.springframework.http.HttpStatus;

/**
 * Opens a case the way Tasklist's intake start form does (engine REST submit-form) and walks it to
 * retrieval; run against each supported database by the subclasses.
 */
abstract class OpenCaseThroughApiContract extends ApiTestSupport {

    static Map<String, Object> intakeForm(String clientName, List<Map<String, Object>> holders) {
        return Map.of(
                "clientName", clientName,
                "clientDateOfBirth", "1984-02-29",
                "incidentDate", "2026-01-15",
                "caseType", "PERSONAL_INJURY",
                "state", "CA",
                "paralegalGroup", "paralegals",
                "recordHolders", holders);
    }

    @Test
    void caseWithTwoHoldersGetsItsRowsAndOneRecordRequestProcessPerHolder() {
        var response = paula.submitStartForm(CaseLifecycleProcess.KEY, intakeForm("Maria Lopez", List.of(
                Map.of("name", "St. Luke's Medical Center", "holderType", "HOSPITAL", "recordTypes", List.of("MEDICAL_RECORDS"),
                        "channel", "EMAIL", "email", "him@stlukes.example"),
                Map.of("name", "Bay Radiology Associates", "holderType", "RADIOLOGY", "recordTypes", List.of("MEDICAL_RECORDS"),
                        "channel", "FAX", "fax", "(415) 555-0100"))));
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
        String reference = (String) response.getBody().get("businessKey");
        assertThat(reference).matches("RF-\\d{5}");

        long caseId = jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();
        assertThat(jdbc.sql("select cl.full_name from case_file c join client cl on cl.id = c.client_id where c.id = ?")
                .param(caseId).query(String.class).single()).isEqualTo("Maria Lopez");
        assertThat(jdbc.sql("select cl.date_of_birth from case_file c join client cl on cl.id = c.client_id where c.id = ?")
                .param(caseId).query(LocalDate.class).single()).isEqualTo(LocalDate.of(1984, 2, 29));
        assertThat(jdbc.sql("select name from record_holder where case_id = ? order by position").param(caseId)
                .query(String.class).list()).containsExactly("St. Luke's Medical Center", "Bay Radiology Associates");
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseLifecycleProcess.KEY).singleResult();
        assertThat(runtime.getVariables(lifecycle.getId())).containsEntry("caseId", caseId)
                .doesNotContainKeys("clientDateOfBirth", "recordHolders");

        paula.completeOnlyTask(Phases.CONFIRM_RECORD_HOLDERS, reference, Map.of("holdersConfirmed", true));
        assertThat(jdbc.sql("select count(*) from record_request where case_id = ?").param(caseId).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(phase(caseId)).isEqualTo("AUTHORIZATION");

        paula.completeOnlyTask(Phases.COLLECT_SIGNED_AUTHORIZATION, reference, IntakeForms.SIGNED_BY_CLIENT);

        assertThat(phase(caseId)).isEqualTo("RETRIEVAL");
        List<ProcessInstance> requests = runtime.createProcessInstanceQuery()
                .processDefinitionKey(Phases.RECORD_REQUEST_KEY).superProcessInstanceId(lifecycle.getId()).list();
        assertThat(requests).hasSize(2);
        assertThat(requests).allSatisfy(r -> assertThat(r.getBusinessKey()).isEqualTo(reference));
        assertThat(jdbc.sql("select process_instance_id from record_request where case_id = ?").param(caseId)
                .query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(requests.stream().map(ProcessInstance::getId).toList());
        // The hospital takes e-mail: its letter waits in the outbox for the delivery job; the fax goes by hand
        assertThat(paula.tasks(Phases.SEND_RECORD_REQUEST, reference)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from outbound_mail m join record_request r on r.id = m.request_id "
                + "where r.case_id = ? and m.status = 'PENDING'").param(caseId).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void invalidIntakeIsRefusedWithEveryProblemAndStoresNothing() {
        int casesBefore = count("case_file");
        int clientsBefore = count("client");
        var response = paula.submitStartForm(CaseLifecycleProcess.KEY, Map.of(
                "clientName", "Maria Lopez", "clientDateOfBirth", "2090-01-01", "incidentDate", "2026-01-15",
                "caseType", "PERSONAL_INJURY", "state", "XX", "paralegalGroup", "no-such-group",
                "recordHolders", List.of(Map.of("name", "", "holderType", "HOSPITAL"),
                        Map.of("name", "Bay Radiology", "holderType", "RADIOLOGY", "recordTypes", List.of("IMAGES"),
                                "channel", "EMAIL", "email", "not-an-address"),
                        Map.of("name", "Valley PT", "holderType", "PHYSICAL_THERAPY", "recordTypes", List.of(),
                                "channel", "MAIL"))));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message"))
                .contains("Client date of birth 2090-01-01 is in the future")
                .contains("Incident date 2026-01-15 is before the client's date of birth")
                .contains("State 'XX' is not a US state code")
                .contains("Paralegal group 'no-such-group' does not exist")
                .contains("Record holder 1: name is required")
                .contains("Record holder 2 (Bay Radiology): 'not-an-address' is not an e-mail address")
                .contains("Record holder 3 (Valley PT): choose what to request")
                .contains("Record holder 3 (Valley PT): sending by mail needs a mailing address");
        assertThat(count("case_file")).isEqualTo(casesBefore);
        assertThat(count("client")).isEqualTo(clientsBefore);
    }

    @Test
    void unreadableValuesAreNamedInTheError() {
        var response = paula.submitStartForm(CaseLifecycleProcess.KEY, Map.of(
                "clientName", "Maria Lopez", "clientDateOfBirth", "14/03/1980", "incidentDate", "2026-01-15",
                "caseType", "SLIP_AND_FALL", "state", "CA", "paralegalGroup", "paralegals",
                "recordHolders", "this is not a list"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message"))
                .contains("Client date of birth '14/03/1980' is not a date (expected YYYY-MM-DD)")
                .contains("Case type 'SLIP_AND_FALL' is not one of [PERSONAL_INJURY, MEDICAL_MALPRACTICE]")
                .contains("Record holders must be a list");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private String phase(long caseId) {
        return jdbc.sql("select phase from case_file where id = ?").param(caseId).query(String.class).single();
    }
}
