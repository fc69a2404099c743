package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.records.TestPdfs.SCAN;
import static org.recordflow.records.TestPdfs.bill;
import static org.recordflow.records.TestPdfs.continuation;
import static org.recordflow.records.TestPdfs.edNote;
import static org.recordflow.records.TestPdfs.imaging;
import static org.recordflow.records.TestPdfs.packet;
import static org.recordflow.records.TestPdfs.page;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.CaseOpening;
import org.recordflow.casefile.CaseType;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.retrieval.RecordRequestService;
import org.recordflow.support.NodeTestBed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Packets uploaded through the records API and page the way a paralegal or an integration does,
 * then read back: rows, stored files, the stamped copy, verdicts, the binder and the request's
 * process. Run against each supported database by the subclasses.
 */
abstract class ReceivedRecordsContract {

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseFileService caseFiles;
    @Autowired
    RecordRequestService requests;
    @Autowired
    DocumentStore documents;
    @Autowired
    PacketService packetService;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    TestRestTemplate http;

    final ObjectMapper json = new ObjectMapper();
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
    }

    record TestCase(long caseId, String reference, List<Long> requestIds) {
    }

    TestCase openCase(HolderType... types) {
        List<CaseOpening.HolderEntry> holders = new ArrayList<>();
        for (HolderType type : types) {
            holders.add(TestCases.holder(type.label() + " of Bay City", type));
        }
        var opened = caseFiles.open(new CaseOpening("Test Client", LocalDate.of(1984, 2, 29), LocalDate.of(2024, 3, 1),
                CaseType.PERSONAL_INJURY, "CA", "paralegals", LegalBasis.AUTHORIZATION, null, null, false, false, holders),
                "paula", null);
        return new TestCase(opened.caseId(), opened.reference(), requests.createForCase(opened.caseId()));
    }

    MvcResult upload(long requestId, String fileName, byte[] content, String... params) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/requests/{id}/packets", requestId)
                .file(new MockMultipartFile("file", fileName, "application/pdf", content));
        var values = new java.util.LinkedHashMap<String, String>();
        values.put("channel", "FAX");
        values.put("receivedOn", "2026-11-20");
        for (int i = 0; i < params.length; i += 2) {
            values.put(params[i], params[i + 1]);
        }
        values.forEach(request::param);
        return mvc.perform(request.with(httpBasic("paula", "demo")).with(csrf())).andReturn();
    }

    JsonNode body(MvcResult result) throws IOException {
        return json.readTree(result.getResponse().getContentAsString());
    }

    JsonNode uploaded(long requestId, byte[] content) throws Exception {
        MvcResult result = upload(requestId, "packet.pdf", content);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return body(result);
    }

    static List<List<String>> hospitalStay() {
        return List.of(
                edNote("03/14/2024"),
                continuation("ED course: analgesia given."),
                imaging("2024-03-14"),
                page("HISTORY AND PHYSICAL", "Admission date: March 14, 2024", "Past medical history: none",
                        "Review of systems: negative"),
                page("DISCHARGE SUMMARY", "Date of service: 16-Mar-2024", "Hospital course: uneventful",
                        "Discharge medications: ibuprofen"),
                page(SCAN));
    }

    @Test
    void multiEncounterPacketIsStampedIndexedAndJudged() throws Exception {
        TestCase c = openCase(HolderType.HOSPITAL);
        long requestId = c.requestIds().get(0);
        byte[] content = packet(hospitalStay());

        JsonNode received = uploaded(requestId, content);

        String prefix = c.reference().replace("-", "") + "-";
        assertThat(received.get("pageCount").asInt()).isEqualTo(6);
        assertThat(received.get("firstBates").asText()).isEqualTo(prefix + "000001");
        assertThat(received.get("lastBates").asText()).isEqualTo(prefix + "000006");
        assertThat(received.get("pagesNeedingOcr").asInt()).isEqualTo(1);
        assertThat(received.get("verdict").asText()).isEqualTo("PARTIAL");
        assertThat(texts(received.get("missingCategories"))).containsExactly("OPERATIVE_REPORT", "LAB_REPORT");
        assertThat(received.get("processNotified").asBoolean()).isFalse();
        assertThat(received.get("message").asText()).contains("not notified").contains("1 pages have no text and need OCR");
        long packetId = received.get("packetId").asLong();

        // Chain of custody and the untouched original
        var packet = jdbc.sql("select sha256, original_file_name, size_bytes, channel, logged_by, received_on, received_from from packet where id = ?")
                .param(packetId).query().singleRow();
        assertThat(packet.get("sha256")).isEqualTo(sha256(content));
        assertThat(packet).containsEntry("original_file_name", "packet.pdf").containsEntry("channel", "FAX")
                .containsEntry("logged_by", "paula").containsEntry("received_from", "Hospital / facility of Bay City");
        assertThat(((Number) packet.get("size_bytes")).longValue()).isEqualTo(content.length);
        assertThat(Files.readAllBytes(documents.verified(sha256(content)))).isEqualTo(content);
        assertThat(events(c.caseId())).contains("PACKET_RECEIVED", "PROCESS_NOT_WAITING").doesNotContain("BINDER_GENERATED");

        // Encounters: ED note with its continuation, imaging, H&P, discharge summary with the scanned page
        JsonNode detail = body(mvc.perform(get("/api/packets/{id}", packetId).with(httpBasic("paula", "demo"))).andReturn());
        assertThat(detail.get("encounters")).extracting(e -> e.get("category").asText() + " " + e.get("serviceDate").asText()
                        + " " + e.get("firstBates").asText().substring(prefix.length()) + "-" + e.get("lastBates").asText().substring(prefix.length()))
                .containsExactly("ED_NOTE 2024-03-14 000001-000002", "IMAGING_REPORT 2024-03-14 000003-000003",
                        "HISTORY_AND_PHYSICAL 2024-03-14 000004-000004", "DISCHARGE_SUMMARY 2024-03-16 000005-000006");
        assertThat(detail.get("pages").get(5).get("needsOcr").asBoolean()).isTrue();
        assertThat(detail.get("pages").get(0).get("matchedRule").asText()).startsWith("ED_NOTE: ");

        // The working copy carries the Bates numbers; the original does not
        Path stamped = documents.verified(jdbc.sql("select stamped_sha256 from packet where id = ?").param(packetId)
                .query(String.class).single());
        List<String> stampedTexts = TestPdfs.pageTexts(stamped);
        for (int i = 0; i < 6; i++) {
            assertThat(stampedTexts.get(i)).contains(prefix + "00000" + (i + 1));
        }
        assertThat(TestPdfs.pageTexts(documents.verified(sha256(content))).get(0)).doesNotContain(prefix);
    }

    @Test
    void latePacketContinuesTheSequenceAndTheBinderIsRebuiltInDateOrder() throws Exception {
        TestCase c = openCase(HolderType.HOSPITAL, HolderType.RADIOLOGY);
        long hospital = c.requestIds().get(0);
        uploaded(hospital, packet(hospitalStay()));
        String prefix = c.reference().replace("-", "") + "-";

        JsonNode late = uploaded(hospital, packet(
                page("OPERATIVE REPORT", "Date of surgery: 03/15/2024", "Preoperative diagnosis: C5 fracture",
                        "Surgeon: on file", "Anesthesia: general"),
                page("LABORATORY RESULTS", "Date of service: 03/14/2024", "Specimen: blood", "Reference range: normal")));
        assertThat(late.get("firstBates").asText()).isEqualTo(prefix + "000007");
        assertThat(late.get("lastBates").asText()).isEqualTo(prefix + "000008");
        assertThat(late.get("verdict").asText()).isEqualTo("COMPLETE");
        JsonNode radiology = uploaded(c.requestIds().get(1), packet(imaging("04/02/2024")));
        assertThat(radiology.get("firstBates").asText()).isEqualTo(prefix + "000009");

        assertThat(jdbc.sql("select bates_number from packet_page where case_id = ? order by bates_number")
                .param(c.caseId()).query(Long.class).list()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(jdbc.sql("select count(*) from binder where case_id = ?").param(c.caseId()).query(Integer.class).single())
                .as("uploads index their own pages; the binder is built when it is needed").isZero();

        MvcResult binder = mvc.perform(get("/api/cases/{id}/binder", c.caseId()).with(httpBasic("paula", "demo"))).andReturn();
        assertThat(binder.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(jdbc.sql("select count(*) from binder where case_id = ?").param(c.caseId()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(events(c.caseId())).contains("BINDER_GENERATED");
        try (PDDocument pdf = Loader.loadPDF(binder.getResponse().getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1 + 9);
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String index = stripper.getText(pdf);
            assertThat(index).contains("Index of records - " + c.reference())
                    .contains("2024-03-15").contains("Operative report").contains(prefix + "000007")
                    .contains(prefix + "000001 - " + prefix + "000002").contains("Imaging report");
            List<String> order = new ArrayList<>();
            for (int p = 2; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(pdf);
                order.add(text.substring(text.indexOf(prefix) + prefix.length(), text.indexOf(prefix) + prefix.length() + 6));
            }
            // 03/14: ED (1-2), imaging (3), H&P (4), lab (8); 03/15: operative (7); 03/16: discharge (5-6); 04/02: radiology (9)
            assertThat(order).containsExactly("000001", "000002", "000003", "000004", "000008", "000007", "000005",
                    "000006", "000009");

            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem top : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(top.getTitle() + "@" + pageOf(pdf, top));
                for (PDOutlineItem child : top.children()) {
                    bookmarks.add("  " + child.getTitle() + "@" + pageOf(pdf, child));
                }
            }
            assertThat(bookmarks).containsExactly(
                    "Index@0",
                    "Hospital / facility of Bay City@1",
                    "  2024-03-14 ED note (" + prefix + "000001 - " + prefix + "000002)@1",
                    "  2024-03-14 Imaging report (" + prefix + "000003)@3",
                    "  2024-03-14 History and physical (" + prefix + "000004)@4",
                    "  2024-03-14 Lab report (" + prefix + "000008)@5",
                    "  2024-03-15 Operative report (" + prefix + "000007)@6",
                    "  2024-03-16 Discharge summary (" + prefix + "000005 - " + prefix + "000006)@7",
                    "Radiology of Bay City@9",
                    "  2024-04-02 Imaging report (" + prefix + "000009)@9");
        }
    }

    @Test
    void theSameFileTwiceIsRecognisedAndNotStoredTwice() throws Exception {
        TestCase c = openCase(HolderType.RADIOLOGY);
        byte[] content = packet(imaging("03/14/2024"));
        long first = uploaded(c.requestIds().get(0), content).get("packetId").asLong();
        long files = storedFiles();

        MvcResult again = upload(c.requestIds().get(0), "copy-of-packet.pdf", content);

        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = body(again);
        assertThat(body.get("duplicate").asBoolean()).isTrue();
        assertThat(body.get("packetId").asLong()).isEqualTo(first);
        assertThat(body.get("message").asText()).contains("already received as packet " + first);
        assertThat(count("packet", c.caseId())).isEqualTo(1);
        assertThat(count("packet_page", c.caseId())).isEqualTo(1);
        assertThat(storedFiles()).isEqualTo(files);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsStored() throws Exception {
        TestCase c = openCase(HolderType.PHYSICIAN_GROUP);
        TestCase other = openCase(HolderType.RADIOLOGY);
        long requestId = c.requestIds().get(0);
        byte[] valid = packet(page("PROGRESS NOTE", "Date of service: 03/14/2024", "Office visit"));
        long files = storedFiles();

        assertRefused(upload(requestId, "letter.pdf", "Dear counsel, please find enclosed".getBytes()), "The file is not a PDF");
        assertRefused(upload(requestId, "empty.pdf", new byte[0]), "The file is empty (0 bytes)");
        assertRefused(upload(requestId, "half.pdf", Arrays.copyOf(valid, valid.length / 2)), "truncated or corrupt");
        assertRefused(upload(requestId, "locked.pdf", TestPdfs.encrypted("client-secret")),
                "encrypted with a password: ask the provider for an unencrypted copy");
        assertRefused(upload(requestId, "sealed.pdf", TestPdfs.certificateEncrypted()),
                "encrypted for certificate holders: ask the provider for an unencrypted copy");
        assertRefused(upload(requestId, "garbage.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> garbage\n%%EOF\n".getBytes()),
                "The PDF cannot be read");
        assertRefused(upload(requestId, "../../etc/passwd.pdf", valid), "contains path characters");
        assertRefused(upload(requestId, "C:\\scans\\packet.pdf", valid), "contains path characters");
        assertRefused(upload(requestId, "packet.pdf", valid, "channel", "PIGEON"), "Channel 'PIGEON' is not one of");
        assertRefused(upload(requestId, "packet.pdf", valid, "receivedOn", "2099-01-01"), "Date received 2099-01-01 is in the future");
        assertRefused(upload(requestId, "packet.pdf", valid, "caseId", String.valueOf(other.caseId())),
                "Request " + requestId + " does not belong to case " + other.caseId());
        MvcResult unknown = upload(987654321L, "packet.pdf", valid);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);

        DataSize limit = (DataSize) ReflectionTestUtils.getField(packetService, "maxPacketSize");
        ReflectionTestUtils.setField(packetService, "maxPacketSize", DataSize.ofBytes(valid.length - 1));
        try {
            assertRefused(upload(requestId, "packet.pdf", valid), "larger than the limit");
        } finally {
            ReflectionTestUtils.setField(packetService, "maxPacketSize", limit);
        }

        assertThat(count("packet", c.caseId())).isZero();
        assertThat(count("packet_page", c.caseId())).isZero();
        assertThat(count("custody_event", c.caseId())).isZero();
        assertThat(jdbc.sql("select count(*) from case_bates where case_id = ? and next_number > 1").param(c.caseId())
                .query(Integer.class).single()).isZero();
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(tempFiles()).isZero();

        // the valid file is then accepted, numbered from 1: refused uploads used no Bates numbers
        assertThat(uploaded(requestId, valid).get("firstBates").asText()).endsWith("000001");
    }

    /** Over real HTTP, so that Tomcat's multipart parsing sees the name as a browser or integration sends it. */
    @ParameterizedTest(name = "file name {index}")
    @ValueSource(strings = {"scan\u0000.pdf", "scan\u0007.pdf", "scan\u001b[31m.pdf", "scan\u007f.pdf", "scan\u0085.pdf",
            "scan\u202efdp.exe"})
    void aControlCharacterInTheFileNameIsRefusedAndNothingIsStored(String fileName) throws Exception {
        TestCase c = openCase(HolderType.RADIOLOGY);
        long files = storedFiles();

        ResponseEntity<String> response = http.withBasicAuth("paula", "demo").postForEntity("/api/requests/{id}/packets",
                NodeTestBed.packetUpload(fileName, packet(imaging("03/14/2024"))), String.class, c.requestIds().get(0));

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(json.readTree(response.getBody()).get("message").asText()).contains("file name")
                .doesNotContain("\u0000");
        assertThat(count("packet", c.caseId())).isZero();
        assertThat(count("custody_event", c.caseId())).isZero();
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(tempFiles()).isZero();
    }

    @Test
    void activeContentStaysInTheDownloadedOriginalAndLeavesWhatIsShown() throws Exception {
        TestCase c = openCase(HolderType.HOSPITAL);
        byte[] content = TestPdfs.withActiveContent(hospitalStay());

        JsonNode received = uploaded(c.requestIds().get(0), content);

        long packetId = received.get("packetId").asLong();
        assertThat(received.get("pageCount").asInt()).isEqualTo(6);
        assertThat(received.get("message").asText()).contains("removed from the working copy");
        assertThat(events(c.caseId())).contains("ACTIVE_CONTENT_REMOVED");
        assertThat(jdbc.sql("select detail from custody_event where packet_id = ? and event_type = 'ACTIVE_CONTENT_REMOVED'")
                .param(packetId).query(String.class).single()).contains("/OpenAction x1").contains("action /Launch x1");

        // The original, byte for byte, only as a download the browser neither shows nor runs
        MockHttpServletResponse original = mvc.perform(get("/api/packets/{id}/original", packetId)
                .with(httpBasic("paula", "demo"))).andReturn().getResponse();
        assertThat(original.getContentAsByteArray()).isEqualTo(content);
        assertThat(original.getContentType()).isEqualTo("application/pdf");
        assertThat(original.getHeader("Content-Disposition")).startsWith("attachment;").contains("packet.pdf");
        assertThat(original.getHeader("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(original.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        // The working copy to view: every page, nothing to run
        MockHttpServletResponse stamped = mvc.perform(get("/api/packets/{id}/stamped", packetId)
                .with(httpBasic("paula", "demo"))).andReturn().getResponse();
        assertThat(stamped.getHeader("Content-Disposition")).startsWith("inline;");
        try (PDDocument pdf = Loader.loadPDF(stamped.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(6);
            assertThat(TestPdfs.activeContent(pdf)).isEmpty();
        }

        // The binder too, even from a working copy stamped before copies were cleaned (here: the original itself)
        jdbc.sql("update packet set stamped_sha256 = sha256 where id = ?").param(packetId).update();
        MockHttpServletResponse binder = mvc.perform(get("/api/cases/{id}/binder", c.caseId())
                .with(httpBasic("paula", "demo"))).andReturn().getResponse();
        assertThat(binder.getStatus()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(binder.getContentAsByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1 + 6);
            assertThat(TestPdfs.activeContent(pdf)).isEmpty();
        }
        assertThat(Files.readAllBytes(documents.verified(sha256(content)))).isEqualTo(content);
    }

    @Test
    void failureAfterPagesWereProcessedLeavesNoRowsAndNoFiles() throws Exception {
        TestCase c = openCase(HolderType.RADIOLOGY);
        long requestId = c.requestIds().get(0);
        // The request's process exists but its step after PacketReceived fails: everything rolls back
        String instance = startWaitingProcess("packet-then-fail", true);
        requests.attachProcess(requestId, instance);
        long files = storedFiles();

        MvcResult result = upload(requestId, "packet.pdf", packet(imaging("03/14/2024")));

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(result).get("message").asText()).contains("rejected by the request's next step");
        assertThat(count("packet", c.caseId())).isZero();
        assertThat(count("encounter", c.caseId())).isZero();
        assertThat(count("binder", c.caseId())).isZero();
        assertThat(storedFiles()).isEqualTo(files);
        assertThat(tempFiles()).isZero();
    }

    @Test
    void aWaitingRequestProcessReceivesThePacketReceivedMessage() throws Exception {
        TestCase c = openCase(HolderType.PHYSICAL_THERAPY);
        long requestId = c.requestIds().get(0);
        String instance = startWaitingProcess("packet-wait", false);
        requests.attachProcess(requestId, instance);

        JsonNode received = uploaded(requestId, packet(
                page("PHYSICAL THERAPY INITIAL EVALUATION", "Date of service: 03/20/2024", "Plan of care",
                        "Short-term goals: reduce pain"),
                page("DAILY NOTE", "Date of service: 03/22/2024", "Therapeutic exercise 30 min")));

        assertThat(received.get("processNotified").asBoolean()).isTrue();
        assertThat(received.get("verdict").asText()).isEqualTo("PARTIAL");
        BpmnAwareTests.init(processEngine);
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult();
        BpmnAwareTests.assertThat(process).isWaitingAt("Task_AfterPacket").hasPassed("Task_WaitForPacket");
        assertThat(runtime.getVariables(instance))
                .containsEntry(PacketReceivedMessage.PACKET_ID, received.get("packetId").asLong())
                .containsEntry(PacketReceivedMessage.COMPLETENESS_VERDICT, "PARTIAL")
                .containsEntry(PacketReceivedMessage.MISSING_CATEGORIES, "PT_DISCHARGE")
                .containsEntry(PacketReceivedMessage.RECEIVED_ON, "2026-11-20");
        assertThat(events(c.caseId())).contains("PROCESS_NOTIFIED");
    }

    @Test
    void verdictsFollowExpectedCategoriesAndBilledDatesAndCanBeOverriddenWithAReason() throws Exception {
        TestCase c = openCase(HolderType.PHYSICIAN_GROUP, HolderType.PATHOLOGY, HolderType.BILLING_OFFICE);
        long clinic = c.requestIds().get(0);
        long lab = c.requestIds().get(1);
        long billing = c.requestIds().get(2);

        JsonNode clinicVerdict = uploaded(clinic, packet(
                page("PROGRESS NOTE", "Date of service: 03/20/2024", "Office visit", "Assessment and plan: rest"),
                bill("03/20/2024", "04/02/2024")));
        assertThat(clinicVerdict.get("verdict").asText()).isEqualTo("PARTIAL");
        assertThat(clinicVerdict.get("missingCategories")).isEmpty();
        assertThat(texts(clinicVerdict.get("missingDatesOfService"))).containsExactly("2024-04-02");

        JsonNode none = uploaded(lab, packet(page("Dear counsel,", "No records were found for this patient.",
                "Custodian of records", "Sincerely,")));
        assertThat(none.get("verdict").asText()).isEqualTo("NONE");

        JsonNode bills = uploaded(billing, packet(bill("03/20/2024")));
        assertThat(bills.get("verdict").asText()).isEqualTo("COMPLETE");

        MvcResult noReason = mvc.perform(post("/api/requests/{id}/completeness/override", clinic)
                .with(httpBasic("paula", "demo")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"verdict\":\"COMPLETE\",\"reason\":\"\"}")).andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(noReason).get("message").asText()).contains("A reason of at least 10 characters is required");

        MvcResult overridden = mvc.perform(post("/api/requests/{id}/completeness/override", clinic)
                .with(httpBasic("paula", "demo")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"verdict\":\"COMPLETE\",\"reason\":\"04/02 was a referral order, not a visit\"}")).andReturn();
        assertThat(overridden.getResponse().getStatus()).isEqualTo(200);
        JsonNode verdict = body(mvc.perform(get("/api/requests/{id}/completeness", clinic).with(httpBasic("paula", "demo"))).andReturn());
        assertThat(verdict.get("verdict").asText()).isEqualTo("COMPLETE");
        assertThat(verdict.get("computedVerdict").asText()).isEqualTo("PARTIAL");
        assertThat(verdict.get("overriddenBy").asText()).isEqualTo("paula");
        assertThat(jdbc.sql("select detail from custody_event where request_id = ? and event_type = 'VERDICT_OVERRIDDEN'")
                .param(clinic).query(String.class).single())
                .isEqualTo("PARTIAL -> COMPLETE: 04/02 was a referral order, not a visit");
    }

    @Test
    void batesPrefixIsSetPerCaseUntilTheFirstPageIsNumbered() throws Exception {
        TestCase c = openCase(HolderType.RADIOLOGY);
        MvcResult set = mvc.perform(put("/api/cases/{id}/bates", c.caseId()).with(httpBasic("paula", "demo")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"prefix\":\"LOPEZ-\",\"digits\":5}")).andReturn();
        assertThat(set.getResponse().getStatus()).as(set.getResponse().getContentAsString()).isEqualTo(200);

        assertThat(uploaded(c.requestIds().get(0), packet(imaging("03/14/2024"))).get("firstBates").asText())
                .isEqualTo("LOPEZ-00001");

        MvcResult again = mvc.perform(put("/api/cases/{id}/bates", c.caseId()).with(httpBasic("paula", "demo")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"prefix\":\"OTHER-\"}")).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(again).get("message").asText()).contains("the prefix can no longer change");
    }

    @Test
    void aStoredFileThatWasAlteredIsRefusedOnRead() throws Exception {
        TestCase c = openCase(HolderType.RADIOLOGY);
        byte[] content = packet(imaging("05/01/2024"), page("Addendum"));
        long packetId = uploaded(c.requestIds().get(0), content).get("packetId").asLong();
        assertThat(mvc.perform(get("/api/packets/{id}/original", packetId).with(httpBasic("paula", "demo"))).andReturn()
                .getResponse().getContentAsByteArray()).isEqualTo(content);

        Path stored = documents.pathOf(sha256(content));
        stored.toFile().setWritable(true);
        Files.write(stored, packet(imaging("05/02/2024")));

        MvcResult read = mvc.perform(get("/api/packets/{id}/original", packetId).with(httpBasic("paula", "demo"))).andReturn();
        assertThat(read.getResponse().getStatus()).isEqualTo(409);
        assertThat(body(read).get("message").asText()).contains("does not match its hash");
    }

    @Test
    void uploadPageNeedsItsCsrfTokenAndShowsTheOutcome() throws Exception {
        TestCase c = openCase(HolderType.RADIOLOGY);
        long requestId = c.requestIds().get(0);
        String form = mvc.perform(get("/records/requests/{id}/upload", requestId).with(httpBasic("paula", "demo")))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("name=\"_csrf\"").contains("Radiology of Bay City").contains("type=\"file\"");

        var file = new MockMultipartFile("file", "fax.pdf", "application/pdf", packet(imaging("03/14/2024")));
        // A browser session (not HTTP Basic, which integrations use without CSRF tokens) must send the token
        MvcResult withoutToken = mvc.perform(multipart("/records/requests/{id}/upload", requestId).file(file)
                .param("channel", "FAX").with(user("paula"))).andReturn();
        assertThat(withoutToken.getResponse().getStatus()).isEqualTo(403);

        MvcResult done = mvc.perform(multipart("/records/requests/{id}/upload", requestId).file(file)
                .param("channel", "FAX").param("receivedOn", "2026-11-20").with(httpBasic("paula", "demo")).with(csrf()))
                .andReturn();
        assertThat(done.getResponse().getStatus()).isEqualTo(200);
        assertThat(done.getResponse().getContentAsString()).contains("stored: 1 pages").contains("COMPLETE");
        MvcResult casePage = mvc.perform(get("/records/cases/{id}", c.caseId()).with(httpBasic("paula", "demo"))).andReturn();
        assertThat(casePage.getResponse().getStatus()).isEqualTo(200);
        assertThat(casePage.getResponse().getContentAsString()).contains("2024-03-14").contains("Imaging report")
                .contains(c.reference().replace("-", "") + "-000001").contains("PACKET_RECEIVED")
                .contains("/api/cases/" + c.caseId() + "/binder");

        MvcResult refused = mvc.perform(multipart("/records/requests/{id}/upload", requestId)
                .file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
                .param("channel", "FAX").with(httpBasic("paula", "demo")).with(csrf())).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("The file is empty (0 bytes)");
    }

    /** Deploys and starts a stand-in for record-request's wait: a receive task on PacketReceived. */
    String startWaitingProcess(String key, boolean failAfterwards) {
        var afterPacket = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                .startEvent().receiveTask("Task_WaitForPacket").message(PacketReceivedMessage.NAME);
        var model = failAfterwards
                ? afterPacket.serviceTask("Task_RefusePacket").camundaClass(RefusingDelegate.class.getName()).endEvent().done()
                : afterPacket.userTask("Task_AfterPacket").endEvent().done();
        repository.createDeployment().addModelInstance(key + ".bpmn", model).deploy();
        return runtime.startProcessInstanceByKey(key).getId();
    }

    /** The request's next step refusing the production, as a validating delegate does. */
    public static class RefusingDelegate implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            throw new InvalidInputException("Request is not waiting for a production");
        }
    }

    void assertRefused(MvcResult result, String message) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(body(result).get("message").asText()).contains(message);
    }

    int count(String table, long caseId) {
        return jdbc.sql("select count(*) from " + table + " where case_id = ?").param(caseId).query(Integer.class).single();
    }

    List<String> events(long caseId) {
        return jdbc.sql("select event_type from custody_event where case_id = ? order by id").param(caseId)
                .query(String.class).list();
    }

    long storedFiles() throws IOException {
        Path folder = documents.root().resolve("sha256");
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    long tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(documents.root().resolve("tmp"))) {
            return files.count();
        }
    }

    static int pageOf(PDDocument pdf, PDOutlineItem item) throws IOException {
        return pdf.getPages().indexOf(((PDPageDestination) item.getDestination()).getPage());
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

}
