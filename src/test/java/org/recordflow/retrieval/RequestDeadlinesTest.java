package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.casefile.CaseLifecycleProcess;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.ApiTestSupport;
import org.recordflow.support.Jobs;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The deadline rules at work in retrieval, with the real services and database: the one extension,
 * a Texas clock that waits for the fee, the wording of a firm-policy (New York) letter, and a
 * subpoena that cannot go out without what 45 CFR 164.512(e) requires on file.
 */
@RecordflowSpringTest
class RequestDeadlinesTest extends ApiTestSupport {

    static final Instant TODAY = Instant.parse("2026-11-20T15:00:00Z");

    @Autowired
    RecordRequestService requests;
    @Autowired
    GeneratedDocuments documents;
    @Autowired
    CorrespondenceLog log;

    @BeforeEach
    void today() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
    }

    @Test
    void aSecondExtensionIsRefusedAndNothingIsStored() {
        ProcessInstance request = faxedRequest("FL", holder("Tampa General Hospital", "HOSPITAL", "FAX", "813-555-0100"),
                "legalBasis", "PATIENT_ACCESS");
        long id = requestId(request);
        assertThat(extension(id, "2026-11-20", "2027-01-05").getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> row = requestRow(id);
        int logEntries = log.forRequest(id).size();
        Object deadlineAt = runtime.getVariable(request.getId(), "deadlineAt");
        assertThat(String.valueOf(row.get("EXTENDED_DUE_ON"))).isEqualTo("2027-01-05");
        assertThat(String.valueOf(row.get("TARGET_ON"))).as("the target follows the extension").isEqualTo("2026-12-29");

        ResponseEntity<String> second = extension(id, "2026-11-20", "2027-01-10");

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(second.getBody()).contains("An extension was already recorded for this request (due 2027-01-05): "
                + "a second extension is not allowed");
        assertThat(requestRow(id)).isEqualTo(row);
        assertThat(log.forRequest(id)).hasSize(logEntries);
        assertThat(runtime.getVariable(request.getId(), "deadlineAt")).isEqualTo(deadlineAt);
    }

    @Test
    void aTexasHospitalsClockDoesNotStartBeforeTheFeeIsPaid() {
        ProcessInstance request = faxedRequest("TX", holder("Memorial Hermann Hospital", "HOSPITAL", "FAX", "713-555-0101"));
        long id = requestId(request);

        RecordRequest sent = requests.get(id);
        assertThat(sent.providerReceivedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(sent.dueOn()).isNull();
        assertThat(sent.targetOn()).isNull();
        assertThat(sent.awaitingPayment()).isTrue();
        assertThat((String) runtime.getVariable(request.getId(), "dueOn"))
                .startsWith("not running yet: under Tex. Health & Safety Code 241.154 the clock starts when the fee is paid");
        assertThat(page(id)).contains("clock not started").contains("Record payment");

        // fifteen days from receipt (December 5, a Saturday, so Monday the 7th) pass without payment: nothing escalates
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-09T12:00:00Z")));
        Jobs.runDue(management, request.getId());
        assertThat(openTasks(request)).doesNotContain("Task_EscalateToSupervisor");
        assertThat(requests.escalatedOn(id)).isNull();

        assertThat(payment(id, "2026-12-10").getBody()).contains("The payment date 2026-12-10 is in the future");
        assertThat(payment(id, "2026-12-09").getStatusCode()).isEqualTo(HttpStatus.OK);

        RecordRequest paid = requests.get(id);
        assertThat(paid.paymentReceivedOn()).isEqualTo(LocalDate.of(2026, 12, 9));
        // 15 days from payment: December 24, then Christmas, December 26 and a Sunday are Texas holidays or weekend days
        assertThat(paid.dueOn()).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(paid.targetOn()).isEqualTo(LocalDate.of(2026, 12, 23));
        assertThat(runtime.getVariable(request.getId(), "dueOn")).isEqualTo("2026-12-28 (legal deadline, Tex. Health & Safety Code 241.154)");
        assertThat(runtime.getVariable(request.getId(), "deadlineAt")).isEqualTo(startOf(LocalDate.of(2026, 12, 29)));
        assertThat(payment(id, "2026-12-09").getBody()).contains("The fee payment was already recorded (paid on 2026-12-09)");

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-29T12:00:00Z")));
        Jobs.runDue(management, request.getId());
        assertThat(openTasks(request)).contains("Task_EscalateToSupervisor");
    }

    @Test
    void aNewYorkRequestAsksForTheRecordsAndClaimsNoStatutoryDeadline() throws IOException {
        ProcessInstance newYork = faxedRequest("NY", holder("Mount Sinai Hospital", "HOSPITAL", "FAX", "212-555-0100"));
        ProcessInstance california = faxedRequest("CA", holder("Sutter Health", "HOSPITAL", "FAX", "916-555-0123"));

        String letter = text(letterOf(requestId(newYork), "REQUEST_LETTER"));

        assertThat(letter.replaceAll("\\s+", " ")).contains("We ask for the records within 30 days of receiving this request.");
        assertThat(letter).doesNotContain("Under ", "Public Health Law", "statut", "required", "due within", "by law");
        assertThat(text(letterOf(requestId(california), "REQUEST_LETTER")).replaceAll("\\s+", " "))
                .contains("Under Cal. Evid. Code 1158, the records are due within 5 days of receiving this request.");

        // day 30 is Sunday December 20: the firm's date rolls to Monday the 21st; the escalation the day after
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-22T12:00:00Z")));
        Jobs.runDue(management, newYork.getId());
        String escalation = text(letterOf(requestId(newYork), "ESCALATION_LETTER")).replaceAll("\\s+", " ");
        assertThat(escalation).contains("We asked for them by December 21, 2026 and have not received them")
                .doesNotContain("expired", "Public Health Law");
    }

    @Test
    void aSubpoenaRequestGoesOutOnlyWithTheAssuranceAndTheSubpoenaOnFile() throws IOException {
        Map<String, Object> form = intake("CA", List.of(holder("Sutter Health", "HOSPITAL", "FAX", "916-555-0123")),
                "legalBasis", "SUBPOENA", "subpoenaReturnDate", "2026-12-18", "actionFiled", true);

        ResponseEntity<Map<String, Object>> refused = paula.submitStartForm(CaseLifecycleProcess.KEY, form);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("A subpoena request needs a court order",
                "qualified protective order (45 CFR 164.512(e)) on file");

        form.put("subpoenaAssurance", "QUALIFIED_PROTECTIVE_ORDER");
        String reference = cases.open(form);
        long caseId = paula.caseId(reference);
        var withoutSubpoena = paula.submitTaskForm((String) paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference).get(0).get("id"),
                Map.of("holdersConfirmed", true));
        assertThat(withoutSubpoena.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) withoutSubpoena.getBody().get("message")).contains("A subpoena request for case " + reference
                + " cannot be sent without the subpoena itself");
        assertThat(paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference)).hasSize(1);

        byte[] subpoena = pdf();
        paula.uploadSubpoena(caseId, subpoena);
        cases.confirmHolders(reference);

        ProcessInstance request = runtime.createProcessInstanceQuery().processDefinitionKey(Phases.RECORD_REQUEST_KEY)
                .processInstanceBusinessKey(reference).singleResult();
        StoredDocument enclosed = documents.describe(Long.parseLong(((String) runtime.getVariable(request.getId(),
                "letterDocuments")).split(",")[1]));
        assertThat(enclosed.kind()).isEqualTo(SubpoenaDocuments.KIND);
        assertThat(documents.content(enclosed.id())).isEqualTo(subpoena);
        assertThat(text(letterOf(requestId(request), "REQUEST_LETTER")).replaceAll("\\s+", " "))
                .contains("Please produce the records by the return date of the subpoena, December 18, 2026.");
    }

    private ProcessInstance faxedRequest(String state, Map<String, Object> holder, Object... overrides) {
        ProcessInstance request = requestInRetrieval(state, holder, overrides);
        paula.completeOnlyTask(Phases.SEND_RECORD_REQUEST, request.getBusinessKey(), Map.of(
                "sentBy", "FAX", "sentOn", "2026-11-20", "providerReceivedOn", "2026-11-20"));
        return request;
    }

    private long requestId(ProcessInstance request) {
        return ((Number) runtime.getVariable(request.getId(), "recordRequestId")).longValue();
    }

    private Map<String, Object> requestRow(long id) {
        return jdbc.sql("select * from record_request where id = ?").param(id).query().singleRow();
    }

    private List<String> openTasks(ProcessInstance request) {
        return tasks.createTaskQuery().processInstanceId(request.getId()).list().stream().map(t -> t.getTaskDefinitionKey()).toList();
    }

    private String page(long requestId) {
        return http.withBasicAuth("paula", "demo").getForObject("/requests/" + requestId, String.class);
    }

    private ResponseEntity<String> extension(long requestId, String noticeOn, String newDueOn) {
        return http.withBasicAuth("paula", "demo").postForEntity("/api/requests/" + requestId + "/extension",
                Map.of("noticeReceivedOn", noticeOn, "newDueOn", newDueOn, "reason", "records are in off-site storage"), String.class);
    }

    private ResponseEntity<String> payment(long requestId, String paidOn) {
        return http.withBasicAuth("paula", "demo").postForEntity("/api/requests/" + requestId + "/payment",
                Map.of("paidOn", paidOn), String.class);
    }

    private byte[] letterOf(long requestId, String kind) {
        StoredDocument letter = documents.forRequest(requestId).stream().filter(d -> d.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " for request " + requestId));
        return documents.content(letter.id());
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static byte[] pdf() throws IOException {
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
