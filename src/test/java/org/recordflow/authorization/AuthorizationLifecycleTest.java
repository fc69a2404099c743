package org.recordflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.ApiTestSupport;
import org.recordflow.support.IntakeForms;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Authorizations end to end: generated, signed, watched, expired, revoked, renewed. */
@RecordflowSpringTest
class AuthorizationLifecycleTest extends ApiTestSupport {

    static final Instant TODAY = Instant.parse("2026-11-27T15:00:00Z");

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
    }

    String caseAwaitingSignature(String state, Object... overrides) {
        String reference = cases.open(intake(state, List.of(
                holder("Cedars Medical Center", "HOSPITAL", "EMAIL", "him@cedars.example"),
                holder("Pacific Imaging", "RADIOLOGY", "FAX", "310-555-0188", "IMAGES")), overrides));
        cases.confirmHolders(reference);
        return reference;
    }

    @Test
    void eachNeededScopeIsGeneratedAsAPdfLinkedFromTheSigningTask() throws IOException {
        String reference = caseAwaitingSignature("CA", "psychotherapyNotes", true);

        String links = (String) runtime.getVariable(authorizationProcess(reference).getId(), "authorizationDocuments");
        List<Long> ids = jdbc.sql("select a.id from hipaa_authorization a join case_file c on c.id = a.case_id "
                + "where c.reference = ? and a.status = 'DRAFT' order by a.id").param(reference).query(Long.class).list();
        assertThat(ids).hasSize(2);
        assertThat(links).contains("/authorizations/" + ids.get(0) + "/pdf").contains("Psychotherapy Notes");

        var pdf = http.withBasicAuth("paula", "demo").getForEntity("/authorizations/" + ids.get(1) + "/pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        try (var document = Loader.loadPDF(pdf.getBody())) {
            assertThat(document.getNumberOfPages()).isPositive();
        }
    }

    @Test
    void anExpiredOrUnsignedAuthorizationIsRefusedAtTheTaskAndNothingIsRecorded() {
        String reference = caseAwaitingSignature("CA");
        String taskId = (String) paula.tasks(Phases.COLLECT_SIGNED_AUTHORIZATION, reference).get(0).get("id");

        var response = paula.submitTaskForm(taskId, Map.of("signerRole", "REPRESENTATIVE", "signerName", "Ana Lopez",
                "signedOn", "2025-10-01", "expiresOn", "2026-10-01"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message"))
                .contains("The authorization expired on 2026-10-01: have the client sign a new one")
                .contains("A representative signed: describe the representative's authority");
        assertThat(paula.tasks(Phases.COLLECT_SIGNED_AUTHORIZATION, reference)).hasSize(1);
        assertThat(statuses(reference)).containsOnly("DRAFT");
    }

    @Test
    void signingStartsRetrievalAndAWatchThatAsksForRenewalThirtyDaysBeforeExpiry() {
        String reference = caseAwaitingSignature("CA");
        cases.signAuthorization(reference);

        assertThat(statuses(reference)).containsOnly("ACTIVE");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Phases.RECORD_REQUEST_KEY)
                .processInstanceBusinessKey(reference).count()).isEqualTo(2);
        ProcessInstance watch = watch(reference);
        Job renewalTimer = management.createJobQuery().processInstanceId(watch.getId()).singleResult();
        assertThat(renewalTimer.getDuedate()).isEqualTo(startOfDay(LocalDate.of(2027, 10, 3)));
    }

    @Test
    void atExpiryOpenRequestsPauseAndResumeWhenTheRenewalIsRecorded() {
        String reference = caseAwaitingSignature("CA");
        cases.signAuthorization(reference);
        ProcessInstance watch = watch(reference);

        ClockUtil.setCurrentTime(startOfDay(LocalDate.of(2027, 10, 3)));
        executeDueJobs(watch);
        assertThat(tasks.createTaskQuery().processInstanceId(watch.getId()).taskDefinitionKey("Task_RenewAuthorization").count())
                .isEqualTo(1);
        assertThat(pausedRequests(reference)).isZero();

        ClockUtil.setCurrentTime(startOfDay(LocalDate.of(2027, 11, 2)));
        executeDueJobs(watch);
        assertThat(statuses(reference)).containsOnly("EXPIRED");
        assertThat(pausedRequests(reference)).isEqualTo(2);

        paula.completeOnlyTask("Task_RenewAuthorization", reference, Map.of("signerRole", "CLIENT",
                "signerName", "Maria Lopez", "signedOn", "2027-11-02", "expiresOn", "2028-11-02"));
        assertThat(statuses(reference)).containsExactlyInAnyOrder("SUPERSEDED", "ACTIVE");
        assertThat(pausedRequests(reference)).isZero();
        assertThat(watch(reference).getId()).isNotEqualTo(watch.getId());
    }

    @Test
    void aRevokedAuthorizationStopsTheRequestUntilANewOneIsSigned() {
        String reference = caseAwaitingSignature("TX");
        cases.signAuthorization(reference);
        long authorizationId = jdbc.sql("select a.id from hipaa_authorization a join case_file c on c.id = a.case_id "
                + "where c.reference = ?").param(reference).query(Long.class).single();
        var revoked = http.withBasicAuth("paula", "demo").postForEntity("/api/authorizations/" + authorizationId + "/revocation",
                Map.of("revokedOn", "2026-11-20"), String.class);
        assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.OK);

        ProcessInstance request = restartFirstRequest(reference);

        assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ResolveAuthorizationDefect");
        assertThat((String) runtime.getVariable(request.getId(), "authorizationDefects"))
                .contains("revoked by the client on 2026-11-20");

        String taskId = tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getId();
        paula.submitTaskForm(taskId, IntakeForms.SIGNED_BY_CLIENT);

        assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(Phases.SEND_RECORD_REQUEST);
        assertThat(statuses(reference)).containsExactlyInAnyOrder("REVOKED", "ACTIVE");
    }

    /** A second request process for the fax holder's request, as a supplemental request would start later. */
    private ProcessInstance restartFirstRequest(String reference) {
        Map<String, Object> row = jdbc.sql("select r.id, r.case_id from record_request r join case_file c on c.id = r.case_id "
                + "where c.reference = ? order by r.id desc").param(reference).query().listOfRows().get(0);
        return runtime.startProcessInstanceByKey(Phases.RECORD_REQUEST_KEY, reference, Map.of(
                "caseId", ((Number) row.values().toArray()[1]).longValue(),
                "recordRequestId", ((Number) row.values().toArray()[0]).longValue(),
                "paralegalGroup", "paralegals", "caseReference", reference));
    }

    private ProcessInstance authorizationProcess(String reference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(Phases.AUTHORIZATION_KEY)
                .processInstanceBusinessKey(reference).singleResult();
    }

    private ProcessInstance watch(String reference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("authorization-watch")
                .processInstanceBusinessKey(reference).singleResult();
    }

    private void executeDueJobs(ProcessInstance instance) {
        management.createJobQuery().processInstanceId(instance.getId()).duedateLowerThan(
                new Date(ClockUtil.getCurrentTime().getTime() + 1000)).list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    private List<String> statuses(String reference) {
        return jdbc.sql("select a.status from hipaa_authorization a join case_file c on c.id = a.case_id where c.reference = ?")
                .param(reference).query(String.class).list();
    }

    private int pausedRequests(String reference) {
        return jdbc.sql("select count(*) from record_request r join case_file c on c.id = r.case_id "
                + "where c.reference = ? and r.paused_at is not null").param(reference).query(Integer.class).single();
    }

    private static Date startOfDay(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
