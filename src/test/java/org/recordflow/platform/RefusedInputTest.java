package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.recordflow.casefile.CaseLifecycleProcess;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.CaseDriver;
import org.recordflow.support.IntakeForms;
import org.recordflow.support.Json;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Input that used to end in a 500 (with SQL, values or a stack trace in the answer) is refused with
 * a 400 that names the field, and nothing of it is stored: intake values longer than their columns,
 * a malformed holder list, Java-serialized variables, the engine's condition endpoint, the error
 * page called directly.
 */
@RecordflowSpringTest
class RefusedInputTest {

    static final String START = "/engine-rest/process-definition/key/" + CaseLifecycleProcess.KEY + "/start";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
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
        variables.put("payload", JAVA_SERIALIZED);

        ResponseEntity<String> response = post(START, Json.write(Map.of("variables", variables)));

        assertRefused(response, "payload");
        assertNothingStored(client);
    }

    @Test
    void aJavaSerializedTaskVariableIsRefusedWith400AndTheTaskStaysOpen() {
        var paula = new RecordflowApiClient(http, "paula", "demo");
        String reference = new CaseDriver(paula).open(IntakeForms.intake("CA",
                List.of(IntakeForms.holder("Bay Clinic", "PHYSICIAN_GROUP", "MAIL", "1 Main St"))));
        String task = (String) paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference).get(0).get("id");

        ResponseEntity<String> response = post("/engine-rest/task/" + task + "/submit-form", Json.write(Map.of(
                "variables", Map.of("holdersConfirmed", Map.of("value", true), "payload", JAVA_SERIALIZED))));

        assertRefused(response, "payload");
        assertThat(paula.tasks(Phases.CONFIRM_RECORD_HOLDERS, reference)).hasSize(1);
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
