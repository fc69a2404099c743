package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recordflow.support.CaseDriver;
import org.recordflow.support.IntakeForms;
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

/** Unknown ids, wrong types, injection strings and malformed bodies on our endpoints: a clear 4xx, never a 500 or a stack trace. */
@RecordflowSpringTest
class BadInputTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("GET", "/api/cases/not-a-number", null, 400),
                Arguments.of("GET", "/api/cases/1 or 1=1", null, 400),
                Arguments.of("GET", "/api/requests/1;drop table record_request", null, 400),
                Arguments.of("GET", "/api/packets/99999999999999999999999", null, 400),
                Arguments.of("GET", "/api/cases/987654321", null, 404),
                Arguments.of("GET", "/api/cases/987654321/requests", null, 404),
                Arguments.of("GET", "/api/cases/987654321/authorizations", null, 404),
                Arguments.of("GET", "/api/requests/987654321", null, 404),
                Arguments.of("GET", "/api/requests/987654321/correspondence", null, 404),
                Arguments.of("GET", "/documents/987654321", null, 404),
                Arguments.of("GET", "/authorizations/987654321/pdf", null, 404),
                Arguments.of("GET", "/requests/987654321/diligence-report.pdf", null, 404),
                Arguments.of("GET", "/cases/987654321", null, 404),
                Arguments.of("GET", "/requests/987654321", null, 404),
                Arguments.of("POST", "/api/requests/987654321/extension", "{\"noticeReceivedOn\": \"2026-11-01\"}", 404),
                Arguments.of("POST", "/api/requests/1/extension", "{not json", 400),
                Arguments.of("POST", "/api/requests/1/extension", "{\"noticeReceivedOn\": \"yesterday\"}", 400),
                Arguments.of("POST", "/api/authorizations/987654321/revocation", "{\"revokedOn\": \"2026-11-01\"}", 404),
                Arguments.of("GET", "/api/audit?from=2026-13-45&to=2026-11-30", null, 400));
    }

    /** Quotes, SQL and markup in what users type are kept as text, and shown escaped. */
    @Test
    void injectionStringsAreStoredVerbatimAndRenderedAsText() {
        String hostileName = "Robert'); DROP TABLE case_file;-- <script>alert(1)</script>";
        String reference = new CaseDriver(new RecordflowApiClient(http, "paula", "demo")).open(IntakeForms.intake("CA",
                List.of(IntakeForms.holder("St. Mary's <b>Hospital</b>", "HOSPITAL", "EMAIL", "roi@stmarys.example")),
                "clientName", hostileName));

        assertThat(jdbc.sql("select cl.full_name from case_file c join client cl on cl.id = c.client_id where c.reference = ?")
                .param(reference).query(String.class).single()).isEqualTo(hostileName);
        String page = http.withBasicAuth("paula", "demo").getForObject("/cases", String.class);
        assertThat(page).contains(reference).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>alert(1)</script>");
        String oversight = http.withBasicAuth("sam", "demo")
                .getForObject("/api/oversight/workload/tasks?group={g}", String.class, "x' or '1'='1");
        assertThat(oversight).isEqualTo("[]");
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("badRequests")
    void refusedWithAClearClientError(String method, String path, String body, int expectedStatus) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate user = http.withBasicAuth(path.startsWith("/api/audit") ? "admin" : "paula", "demo");

        ResponseEntity<String> response = user.exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(expectedStatus);
        assertThat(response.getBody() == null ? "" : response.getBody())
                .doesNotContain("Exception:").doesNotContain("\tat org.").doesNotContain("\"trace\"");
    }
}
