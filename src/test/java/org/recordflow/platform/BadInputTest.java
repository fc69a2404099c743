package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Unknown ids, wrong types and malformed bodies on our endpoints: a clear 4xx, never a 500 or a stack trace. */
@RecordflowSpringTest
class BadInputTest {

    @Autowired
    TestRestTemplate http;

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("GET", "/api/cases/not-a-number", null, 400),
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
