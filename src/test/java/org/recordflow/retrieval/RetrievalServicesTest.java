package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.platform.FaultInjection;
import org.recordflow.support.ApiTestSupport;
import org.recordflow.support.Jobs;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Retrieval with the real services, database and a real SMTP server (GreenMail). */
@RecordflowSpringTest
class RetrievalServicesTest extends ApiTestSupport {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final Instant TODAY = Instant.parse("2026-11-20T15:00:00Z");

    @Autowired
    MailDelivery delivery;
    @Autowired
    MailOutbox outbox;
    @Autowired
    GeneratedDocuments documents;
    @Autowired
    RequestDispatch dispatch;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CorrespondenceLog log;
    @Autowired
    RecordRequestService requests;

    RecordflowApiClient alex;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
        alex = new RecordflowApiClient(http, "alex", "demo");
    }

    long requestId(ProcessInstance request) {
        return ((Number) runtime.getVariable(request.getId(), "recordRequestId")).longValue();
    }

    ProcessInstance faxedRequest(String state, String legalBasis) {
        ProcessInstance request = requestInRetrieval(state, holder("Mercy Hospital", "HOSPITAL", "FAX", "916-555-0123"),
                "legalBasis", legalBasis);
        paula.completeOnlyTask(Phases.SEND_RECORD_REQUEST, request.getBusinessKey(), Map.of(
                "sentBy", "FAX", "sentOn", "2026-11-20", "providerReceivedOn", "2026-11-20"));
        return request;
    }

    @Test
    void anEmailedRequestArrivesWithItsLetterAndAuthorizationAndStartsTheClock() throws Exception {
        ProcessInstance request = requestInRetrieval("CA", holder("Sutter Health", "HOSPITAL", "EMAIL", "roi@sutter.example"));
        assertThat(smtp.getReceivedMessages()).isEmpty();

        Jobs.runDue(management, request.getId());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("roi@sutter.example");
        assertThat(attachmentNames(received[0])).hasSize(2)
                .anyMatch(name -> name.startsWith("request-")).anyMatch(name -> name.startsWith("authorization-"));
        RecordRequest sent = requests.get(requestId(request));
        assertThat(sent.status()).isEqualTo(RequestStatus.SENT);
        assertThat(sent.providerReceivedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(sent.dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(runtime.getVariable(request.getId(), "deadlineAt")).isEqualTo(startOf(LocalDate.of(2026, 11, 26)));
        assertThat(log.forRequest(sent.id())).extracting(Correspondence::outcome)
                .containsExactly("queued for delivery", "delivered to the mail server, Message-ID " + outbox.forRequest(sent.id()).get(0).messageId());
        assertThat(log.forRequest(sent.id()).get(0).attachments()).hasSize(2)
                .allSatisfy(a -> assertThat(a.sha256()).hasSize(64));
    }

    @Test
    void aFailureAfterTheServerAcceptedTheMailDoesNotSendItTwice() {
        ProcessInstance request = requestInRetrieval("TX", holder("Baylor Scott", "HOSPITAL", "EMAIL", "him@baylor.example"));
        long mailId = ((Number) runtime.getVariable(request.getId(), "outboundMailId")).longValue();
        var job = new TransactionTemplate(transactions);

        assertThatThrownBy(() -> job.executeWithoutResult(status -> {
            delivery.deliver(mailId);
            throw new IllegalStateException("the job dies after the SMTP server accepted the mail");
        })).hasMessageContaining("dies after");
        assertThat(delivery.deliver(mailId)).isEqualTo(OutboundMail.Status.SENT);
        Jobs.runDue(management, request.getId());

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.find(mailId).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void withoutAMailServerTheLetterStaysInTheLogMarkedNotSentAndTheParalegalSendsIt() {
        ProcessInstance request = requestInRetrieval("TX", holder("Texas Children's", "HOSPITAL", "EMAIL", "records@tch.example"));
        long mailId = ((Number) runtime.getVariable(request.getId(), "outboundMailId")).longValue();
        var noMailServer = new MailDelivery(outbox, documents, new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
                transactions, new MailProperties("records@firm.example", "firm.example"), FaultInjection.inert());

        assertThat(noMailServer.deliver(mailId)).isEqualTo(OutboundMail.Status.NOT_SENT);
        Jobs.runDue(management, request.getId());

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(outbox.find(mailId).orElseThrow().status()).isEqualTo(OutboundMail.Status.NOT_SENT);
        assertThat(log.forRequest(requestId(request))).extracting(Correspondence::outcome)
                .anyMatch(outcome -> outcome.startsWith("NOT SENT: no mail server is configured"));
        assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(Phases.SEND_RECORD_REQUEST);
    }

    @Test
    void followUpsStartAtTheFirmsTargetThenKeepTheRuleCadence() throws Exception {
        ProcessInstance request = requestInRetrieval("CA", holder("UCSF Medical Center", "HOSPITAL", "EMAIL", "roi@ucsf.example"));
        Jobs.runDue(management, request.getId());
        RecordRequest sent = requests.get(requestId(request));
        assertThat(sent.dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(sent.targetOn()).isEqualTo(LocalDate.of(2026, 11, 23));

        assertThat(mailsReceivedBy("2026-11-22T12:00:00Z", request)).hasSize(1);
        assertThat(mailsReceivedBy("2026-11-23T12:00:00Z", request)).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getSubject()).startsWith("Follow-up 1: request for records");
        assertThat(mailsReceivedBy("2026-12-02T12:00:00Z", request)).hasSize(2);
        assertThat(mailsReceivedBy("2026-12-03T12:00:00Z", request)).hasSize(3);
        assertThat(requests.followUpsSent(requestId(request))).isEqualTo(2);
    }

    @Test
    void aCaliforniaAuthorizationRequestIsDueFiveDaysAfterReceipt() {
        ProcessInstance request = faxedRequest("CA", "AUTHORIZATION");

        assertThat(requests.get(requestId(request)).dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(runtime.getVariable(request.getId(), "deadlineAt")).isEqualTo(startOf(LocalDate.of(2026, 11, 26)));
        assertThat(tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(Phases.RECORD_PROVIDER_RESPONSE);
    }

    @Test
    void patientAccessAllowsOneExtensionOfUpToThirtyDaysGivenBeforeTheDeadline() {
        ProcessInstance request = faxedRequest("FL", "PATIENT_ACCESS");
        long id = requestId(request);
        assertThat(requests.get(id).dueOn()).isEqualTo(LocalDate.of(2026, 12, 20));

        var tooLong = extension(id, "2026-11-20", "2027-01-25");
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody()).contains("latest allowed: 2027-01-19");

        var granted = extension(id, "2026-11-20", "2027-01-19");
        assertThat(granted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(requests.get(id).effectiveDueOn()).isEqualTo(LocalDate.of(2027, 1, 19));
        assertThat(runtime.getVariable(request.getId(), "deadlineAt")).isEqualTo(startOf(LocalDate.of(2027, 1, 20)));

        var second = extension(id, "2026-11-20", "2027-01-10");
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(second.getBody()).contains("a second extension is not allowed");
    }

    @Test
    void theRequestFileShowsTheLogAndRecordsAnExtensionNotice() {
        ProcessInstance request = faxedRequest("FL", "PATIENT_ACCESS");
        long id = requestId(request);
        var paulaBrowser = http.withBasicAuth("paula", "demo");

        String page = paulaBrowser.getForObject("/requests/" + id, String.class);
        assertThat(page).contains("Record request sent on 2026-11-20").contains("Record extension")
                .contains("<th>Legal deadline</th>").contains("2026-12-20").contains("Firm's target").contains("2026-12-11")
                .contains("45 CFR 164.524(b)(2)");

        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("noticeReceivedOn", "2026-11-20");
        form.add("newDueOn", "2027-01-05");
        form.add("reason", "records held off-site");
        paulaBrowser.postForEntity("/requests/" + id + "/extension", form, String.class);

        assertThat(requests.get(id).extendedDueOn()).isEqualTo(LocalDate.of(2027, 1, 5));
        assertThat(paulaBrowser.getForObject("/requests/" + id, String.class)).contains("(extended from 2026-12-20)")
                .contains("Written extension notice received on 2026-11-20");
    }

    @Test
    void anAuthorizationBasedCaliforniaRequestCannotBeExtended() {
        ProcessInstance request = faxedRequest("CA", "AUTHORIZATION");
        var refused = extension(requestId(request), "2026-11-20", "2026-11-30");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("allows no extension");
    }

    @Test
    void feeInvoicesAreApprovedAutomaticallyByTheParalegalOrByAnAttorneyByAmount() {
        ProcessInstance small = faxedRequest("CA", "AUTHORIZATION");
        respond(small, Map.of("responseType", "FEE_INVOICE", "responseChannel", "MAIL", "feeAmount", "12.50", "invoiceDate", "2026-11-19"));
        assertThat(openTask(small)).isEqualTo(Phases.RECORD_PROVIDER_RESPONSE);
        assertThat(jdbc.sql("select decision from fee_invoice where request_id = ?").param(requestId(small))
                .query(String.class).single()).isEqualTo("APPROVED");

        ProcessInstance medium = faxedRequest("CA", "AUTHORIZATION");
        respond(medium, Map.of("responseType", "FEE_INVOICE", "responseChannel", "MAIL", "feeAmount", "120", "invoiceDate", "2026-11-19"));
        assertThat(openTask(medium)).isEqualTo("Task_ReviewFeeInvoice");

        ProcessInstance large = faxedRequest("CA", "AUTHORIZATION");
        respond(large, Map.of("responseType", "FEE_INVOICE", "responseChannel", "MAIL", "feeAmount", "950.00", "invoiceDate", "2026-11-19"));
        assertThat(openTask(large)).isEqualTo("Task_ApproveFeeInvoice");
        alex.completeOnlyTask("Task_ApproveFeeInvoice", large.getBusinessKey(), Map.of("feeApproved", false,
                "feeDecisionReason", "search fees are not allowed"));
        assertThat(openTask(large)).isEqualTo(Phases.RECORD_PROVIDER_RESPONSE);
        assertThat(log.forRequest(requestId(large))).extracting(Correspondence::subject).contains("Fee invoice disputed");
    }

    @Test
    void aWrongDepartmentIsReroutedAndTheFirstReceiptStaysInTheLog() {
        ProcessInstance request = faxedRequest("CA", "AUTHORIZATION");
        respond(request, Map.of("responseType", "WRONG_DEPARTMENT", "responseChannel", "PHONE", "correctRoute", "ROI_VENDOR",
                "responseNotes", "HIM says Ciox handles releases"));

        RecordRequest rerouted = requests.get(requestId(request));
        assertThat(rerouted.department()).isEqualTo("Release-of-information vendor");
        assertThat(rerouted.status()).isEqualTo(RequestStatus.TO_SEND);
        assertThat(openTask(request)).isEqualTo(Phases.SEND_RECORD_REQUEST);
        assertThat(log.forRequest(rerouted.id())).extracting(Correspondence::outcome)
                .anyMatch(o -> o != null && o.contains("first sent 2026-11-20, received by the provider 2026-11-20, due 2026-11-25"));
    }

    @Test
    void aPartialProductionOpensASupplementalRequestChasedLikeTheOriginal() throws IOException {
        ProcessInstance request = faxedRequest("CA", "AUTHORIZATION");
        long originalId = requestId(request);
        respond(request, Map.of("responseType", "PRODUCTION_PARTIAL", "responseChannel", "MAIL", "responseReceivedOn", "2026-11-20",
                "missingRecords", "operative report of 2026-01-16"));

        assertThat(requests.get(originalId).status()).isEqualTo(RequestStatus.RECEIVED_PARTIAL);
        Map<String, Object> supplemental = jdbc.sql("select id, missing_description from record_request where parent_request_id = ?")
                .param(originalId).query().singleRow();
        assertThat(supplemental.values()).contains("operative report of 2026-01-16");
        ProcessInstance chased = runtime.createProcessInstanceQuery().processDefinitionKey(Phases.RECORD_REQUEST_KEY)
                .processInstanceBusinessKey(request.getBusinessKey()).active().singleResult();
        assertThat(openTask(chased)).isEqualTo(Phases.SEND_RECORD_REQUEST);

        byte[] report = http.withBasicAuth("paula", "demo").getForObject("/requests/" + originalId + "/diligence-report.pdf", byte[].class);
        try (var pdf = Loader.loadPDF(report)) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Record request sent on 2026-11-20")
                    .contains("partial production").contains("SHA-256");
        }
    }

    @Test
    void anUploadedPacketIndexedAsCompleteClosesTheWaitingRequest() throws IOException {
        ProcessInstance request = requestInRetrieval("CA", holder("Valley Imaging", "RADIOLOGY", "FAX", "916-555-0177"));
        paula.completeOnlyTask(Phases.SEND_RECORD_REQUEST, request.getBusinessKey(), Map.of(
                "sentBy", "FAX", "sentOn", "2026-11-20", "providerReceivedOn", "2026-11-20"));
        long id = requestId(request);

        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        body.add("file", new org.springframework.core.io.ByteArrayResource(imagingReport()) {
            @Override
            public String getFilename() {
                return "valley-imaging.pdf";
            }
        });
        body.add("channel", "FAX");
        body.add("receivedOn", "2026-11-20");
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        var response = http.withBasicAuth("paula", "demo").postForEntity("/api/requests/" + id + "/packets",
                new org.springframework.http.HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(requests.get(id).status()).isIn(RequestStatus.RECEIVED_COMPLETE, RequestStatus.RECEIVED_PARTIAL);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(request.getId()).count()).isZero();
        assertThat(log.forRequest(id)).extracting(Correspondence::subject).anyMatch(s -> s.startsWith("Records received"));
    }

    private static byte[] imagingReport() throws IOException {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage();
            document.addPage(page);
            try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(72, 700);
                content.showText("RADIOLOGY REPORT  MRI lumbar spine  Date of service: 03/14/2026  Impression: L4-L5 disc herniation");
                content.endText();
            }
            var out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private org.springframework.http.ResponseEntity<String> extension(long requestId, String noticeOn, String newDueOn) {
        return http.withBasicAuth("paula", "demo").postForEntity("/api/requests/" + requestId + "/extension",
                Map.of("noticeReceivedOn", noticeOn, "newDueOn", newDueOn, "reason", "records are in off-site storage"), String.class);
    }

    private void respond(ProcessInstance request, Map<String, Object> response) {
        var result = paula.submitTaskForm(tasks.createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey(Phases.RECORD_PROVIDER_RESPONSE).singleResult().getId(), response);
        assertThat(result.getStatusCode()).as("%s", result.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String openTask(ProcessInstance request) {
        return tasks.createTaskQuery().processInstanceId(request.getId()).singleResult().getTaskDefinitionKey();
    }

    /** Moves the clock to {@code instant}, runs the request's due jobs, and returns every mail the SMTP server has. */
    private MimeMessage[] mailsReceivedBy(String instant, ProcessInstance request) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
        Jobs.runDue(management, request.getId());
        return smtp.getReceivedMessages();
    }

    private static List<String> attachmentNames(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        return java.util.stream.IntStream.range(0, parts.getCount()).mapToObj(i -> {
            try {
                return parts.getBodyPart(i).getFileName();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(java.util.Objects::nonNull).toList();
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
