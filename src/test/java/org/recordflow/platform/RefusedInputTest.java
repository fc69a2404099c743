package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.recordflow.casefile.CaseLifecycleProcess;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.ApiTestSupport;
import org.recordflow.support.IntakeForms;
import org.recordflow.support.Json;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Input that used to end in a 500 (with SQL, values or a stack trace in the answer) is refused with
 * a 400 that names the field, and nothing of it is stored: intake values longer than their columns,
 * a malformed holder list, Java-serialized variables, the engine's condition endpoint, the error
 * page called directly.
 */
@RecordflowSpringTest
class RefusedInputTest extends ApiTestSupport {

    static final String START = "/engine-rest/process-definition/key/" + CaseLifecycleProcess.KEY + "/start";

    static final Instant TODAY = Instant.parse("2026-11-20T15:00:00Z");

    @Autowired
    HistoryService history;

    @ParameterizedTest(name = "{0} of {1} characters")
    @CsvSource({
            "address, 401, 'address is longer than 400 characters'",
            "department, 201, 'department is longer than 200 characters'",
            "email, 201, 'e-mail address is longer than 200 characters'",
            "fax, 41, 'fax number is longer than 40 characters'"})
    void anOverlongHolderFieldIsRefusedAtCaseOpeningAndNothingIsStored(String field, int length, String expected) {
        String value = overlong(field, length);
        Map<String, Object> holder = IntakeForms.holder("Bay Clinic", "PHYSICIAN_GROUP", "MAIL", "1 Main St, Oakland CA");
        holder.put(field, value);
        String client = "Overlong " + UUID.randomUUID();

        ResponseEntity<String> response = start(IntakeForms.intake("CA", List.of(holder), "clientName", client));

        assertRefused(response, "Record holder 1 (Bay Clinic): " + expected);
        assertThat(response.getBody()).doesNotContain(value).doesNotContainIgnoringCase("insert into")
                .doesNotContainIgnoringCase("SQL");
        assertNothingStored(client);
    }

    static String overlong(String field, int length) {
        return switch (field) {
            case "email" -> "r".repeat(length - "@bay.example".length()) + "@bay.example";
            case "fax" -> "4".repeat(length);
            default -> "x".repeat(length);
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"type\": \"Json\", \"value\": \"not json\"}",
            "{\"type\": \"String\", \"value\": \"not json\"}",
            "{\"type\": \"Json\", \"value\": \"{\\\"name\\\": \\\"Bay Clinic\\\"}\"}",
            "{\"type\": \"Json\", \"value\": \"[null]\"}",
            "{\"type\": \"Json\", \"value\": \"[\\\"Bay Clinic\\\"]\"}",
            "{\"type\": \"Json\", \"value\": \"[[1, 2]]\"}",
            "{\"type\": \"Integer\", \"value\": 42}",
            "{\"type\": \"Json\", \"value\": \"[{\\\"name\\\": \\\"Bay Clinic\\\", \\\"holderType\\\": 7, \\\"channel\\\": [\\\"MAIL\\\"], \\\"recordTypes\\\": {\\\"a\\\": 1}}]\"}"})
    void aMalformedHolderListIsRefusedWithWhatIsWrongAndNothingIsStored(String holders) {
        String client = "Malformed " + UUID.randomUUID();
        Map<String, Object> variables = typed(IntakeForms.intake("CA", List.of(), "clientName", client));
        variables.put("recordHolders", read(holders));

        ResponseEntity<String> response = post(START, Json.write(Map.of("variables", variables)));

        assertRefused(response, "Record holder");
        assertNothingStored(client);
    }

    /** As Camunda's REST API documents it: a Java-serialized value, refused since Java serialization is off. */
    static final Map<String, Object> JAVA_SERIALIZED = Map.of("type", "Object", "value", "rO0ABXQABWhlbGxv",
            "valueInfo", Map.of("objectTypeName", "java.lang.String",
                    "serializationDataFormat", "application/x-java-serialized-object"));

    @Test
    void aJavaSerializedStartVariableIsRefusedWith400() {
        String client = "Serialized " + UUID.randomUUID();
        Map<String, Object> variables = typed(IntakeForms.intake("CA",
                List.of(IntakeForms.holder("Bay Clinic", "PHYSICIAN_GROUP", "MAIL", "1 Main St")), "clientName", client));
        // a field of the start form (any other name is refused before, as no field of the form)
        variables.put("incidentDate", JAVA_SERIALIZED);

        ResponseEntity<String> response = post(START, Json.write(Map.of("variables", variables)));

        assertRefused(response, "incidentDate");
        assertNothingStored(client);
    }

    @Test
    void aJavaSerializedTaskVariableIsRefusedWith400AndTheTaskStaysOpen() {
        String reference = cases.open(IntakeForms.intake("CA",
                List.of(IntakeForms.holder("Bay Clinic", "PHYSICIAN_GROUP", "MAIL", "1 Main St"))));
        String task = (String) paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference).get(0).get("id");

        ResponseEntity<String> response = post("/engine-rest/task/" + task + "/submit-form", Json.write(Map.of(
                "variables", Map.of("holdersConfirmed", JAVA_SERIALIZED))));

        assertRefused(response, "holdersConfirmed");
        assertThat(paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference)).hasSize(1);
    }

    @Test
    void overlongSignatureDetailsAreRefusedAtTheSigningTask() {
        String reference = cases.open(IntakeForms.intake("CA",
                List.of(IntakeForms.holder("Bay Clinic", "PHYSICIAN_GROUP", "MAIL", "1 Main St"))));
        cases.confirmHolders(reference);
        String task = (String) paula.tasks(Phases.COLLECT_SIGNED_AUTHORIZATION, reference).get(0).get("id");

        var response = paula.submitTaskForm(task, Map.of("signerRole", "REPRESENTATIVE", "signerName", "N".repeat(201),
                "representativeAuthority", "A".repeat(401), "signedOn", "2026-11-02", "expiresOn", "2027-11-02"));

        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
        assertThat((String) response.getBody().get("message"))
                .contains("Name of the person who signed is longer than 200 characters")
                .contains("The representative's authority is longer than 400 characters");
        assertThat(paula.tasks(Phases.COLLECT_SIGNED_AUTHORIZATION, reference)).hasSize(1);
    }

    @Test
    void aLongDescriptionOfMissingRecordsIsKeptAndAnOverlongOneRefused() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
        String reference = faxedRequest("CA", "AUTHORIZATION");
        Map<String, Object> partial = Map.of("responseType", "PRODUCTION_PARTIAL", "responseChannel", "FAX",
                "responseReceivedOn", "2026-11-20", "missingRecords", "x-ray films of 03/14/2024; ".repeat(60));

        var overlong = paula.submitTaskForm(responseTask(reference), Map.of("responseType", "PRODUCTION_PARTIAL",
                "responseChannel", "FAX", "responseReceivedOn", "2026-11-20", "missingRecords", "m".repeat(2001),
                "responseNotes", "n".repeat(2001)));
        assertThat(overlong.getStatusCode().value()).as("%s", overlong.getBody()).isEqualTo(400);
        assertThat((String) overlong.getBody().get("message")).contains("What is missing is longer than 2000 characters")
                .contains("Notes is longer than 2000 characters");

        // 2,000 characters fit the supplemental request; the log's subject (400) shows their beginning
        var accepted = paula.submitTaskForm(responseTask(reference), partial);
        assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(204);
        assertThat(jdbc.sql("select c.subject from correspondence_entry c join record_request r on r.id = c.request_id "
                + "join case_file f on f.id = r.case_id where f.reference = ? and c.subject like 'Records received%'")
                .param(reference).query(String.class).single()).hasSize(400).endsWith("...");
    }

    @Test
    void anOverlongExtensionReasonIsRefused() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
        String reference = faxedRequest("FL", "PATIENT_ACCESS");
        long requestId = jdbc.sql("select r.id from record_request r join case_file c on c.id = r.case_id where c.reference = ?")
                .param(reference).query(Long.class).single();

        ResponseEntity<String> response = post("/api/requests/" + requestId + "/extension", Json.write(Map.of(
                "noticeReceivedOn", "2026-11-20", "newDueOn", "2027-01-10", "reason", "r".repeat(1990))));

        assertRefused(response, "The reason is longer than 1900 characters");
        assertThat(jdbc.sql("select extended_due_on from record_request where id = ?").param(requestId)
                .query(LocalDate.class).optional()).isEmpty();
    }

    /** A case in retrieval whose one request went out by fax: its process waits for the provider's response. */
    String faxedRequest(String state, String legalBasis) {
        ProcessInstance request = requestInRetrieval(state, IntakeForms.holder("Mercy Hospital", "HOSPITAL", "FAX",
                "916-555-0123"), "legalBasis", legalBasis);
        paula.completeOnlyTask(Phases.SEND_RECORD_REQUEST, request.getBusinessKey(), Map.of(
                "sentBy", "FAX", "sentOn", "2026-11-20", "providerReceivedOn", "2026-11-20"));
        return request.getBusinessKey();
    }

    String responseTask(String reference) {
        return (String) paula.tasks(Phases.RECORD_PROVIDER_RESPONSE, reference).get(0).get("id");
    }

    @ParameterizedTest(name = "body [{0}]")
    @ValueSource(strings = {"", "{}", "{not json", "{\"variables\": {\"x\": {\"value\": 1}}}"})
    void theConditionEndpointNeverAnswers500(String body) {
        ResponseEntity<String> response = post("/engine-rest/condition", body);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(400, 403);
        assertNoInternals(response);
    }

    @ParameterizedTest(name = "Accept {0}")
    @ValueSource(strings = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE})
    void theErrorPageCalledDirectlyIsNotFoundRatherThanAServerError(String accept) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));

        for (TestRestTemplate client : List.of(http, http.withBasicAuth("paula", "demo"))) {
            ResponseEntity<String> response = client.exchange("/error", HttpMethod.GET, new HttpEntity<>(headers), String.class);

            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(404);
            assertNoInternals(response);
        }
    }

    static Object read(String json) {
        try {
            return new ObjectMapper().readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ResponseEntity<String> start(Map<String, Object> form) {
        return post(START, Json.write(Map.of("variables", typed(form))));
    }

    ResponseEntity<String> post(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("paula", "demo").exchange(path, HttpMethod.POST,
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
    }

    /** Values as Tasklist submits them: lists and maps as Json variables. */
    static Map<String, Object> typed(Map<String, Object> form) {
        Map<String, Object> typed = new LinkedHashMap<>();
        form.forEach((name, value) -> typed.put(name, value instanceof List<?> || value instanceof Map<?, ?>
                ? Map.of("value", Json.write(value), "type", "Json") : Map.of("value", value)));
        return typed;
    }

    static void assertRefused(ResponseEntity<String> response, String message) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains(message);
        assertNoInternals(response);
    }

    static void assertNoInternals(ResponseEntity<String> response) {
        assertThat(response.getBody() == null ? "" : response.getBody())
                .doesNotContain("Exception:").doesNotContain("\tat ").doesNotContain("\"trace\"")
                .doesNotContain("org.h2").doesNotContain("java.lang.");
    }

    void assertNothingStored(String client) {
        assertThat(jdbc.sql("select count(*) from client where full_name = ?").param(client).query(Integer.class).single())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CaseLifecycleProcess.KEY)
                .variableValueEquals("clientName", client).count()).isZero();
    }
}
