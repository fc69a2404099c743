package org.recordflow.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Drives Recordflow through Camunda's REST API over HTTP, the way Tasklist's forms do: start forms
 * are submitted with typed variables, tasks completed with their form values.
 */
public class RecordflowApiClient {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    private final TestRestTemplate http;

    public RecordflowApiClient(TestRestTemplate http, String user, String password) {
        this.http = http.withBasicAuth(user, password);
    }

    public ResponseEntity<Map<String, Object>> submitStartForm(String processKey, Map<String, Object> variables) {
        return http.exchange("/engine-rest/process-definition/key/{key}/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", typed(variables))), MAP, processKey);
    }

    public List<Map<String, Object>> tasks(String taskDefinitionKey, String processInstanceBusinessKey) {
        return http.exchange("/engine-rest/task?taskDefinitionKey={key}&processInstanceBusinessKey={bk}", HttpMethod.GET,
                null, LIST, taskDefinitionKey, processInstanceBusinessKey).getBody();
    }

    public ResponseEntity<Map<String, Object>> submitTaskForm(String taskId, Map<String, Object> variables) {
        return http.exchange("/engine-rest/task/{id}/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", typed(variables))), MAP, taskId);
    }

    /** Completes the only open task of that kind in the case; fails when there is not exactly one. */
    public void completeOnlyTask(String taskDefinitionKey, String caseReference, Map<String, Object> variables) {
        List<Map<String, Object>> tasks = tasks(taskDefinitionKey, caseReference);
        if (tasks.size() != 1) {
            throw new AssertionError("Expected one " + taskDefinitionKey + " task in " + caseReference + ", found " + tasks.size());
        }
        ResponseEntity<Map<String, Object>> response = submitTaskForm((String) tasks.get(0).get("id"), variables);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("Completing " + taskDefinitionKey + " failed: " + response.getStatusCode() + " " + response.getBody());
        }
    }

    /** The id of the case with this reference, from Recordflow's case list. */
    public long caseId(String reference) {
        return http.exchange("/api/cases", HttpMethod.GET, null, LIST).getBody().stream()
                .filter(c -> reference.equals(c.get("reference"))).map(c -> ((Number) c.get("id")).longValue())
                .findFirst().orElseThrow(() -> new AssertionError("No case " + reference + " in /api/cases"));
    }

    /** Stores the subpoena a subpoena request encloses; fails unless Recordflow accepts it. */
    public void uploadSubpoena(long caseId, byte[] pdf) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return "subpoena.pdf";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> response = http.postForEntity("/api/cases/{id}/subpoena", new HttpEntity<>(body, headers),
                String.class, caseId);
        if (response.getStatusCode() != HttpStatus.CREATED) {
            throw new AssertionError("Uploading the subpoena failed: " + response.getStatusCode() + " " + response.getBody());
        }
    }

    /** Values as Camunda REST expects them; lists and maps go as Json, the way Tasklist submits them. */
    private static Map<String, Object> typed(Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (value instanceof List<?> || value instanceof Map<?, ?>) {
                typed.put(name, Map.of("value", Json.write(value), "type", "Json"));
            } else {
                typed.put(name, Map.of("value", value));
            }
        });
        return typed;
    }
}
