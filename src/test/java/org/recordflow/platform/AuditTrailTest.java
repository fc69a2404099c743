package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

@RecordflowSpringTest
class AuditTrailTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void documentViewsAndChangesAreAuditedAndExportableByAdminsOnly() {
        TestRestTemplate paula = http.withBasicAuth("paula", "demo");
        paula.getForEntity("/documents/987654321", String.class);
        paula.postForEntity("/api/requests/987654321/extension", java.util.Map.of("reason", "x"), String.class);
        paula.getForEntity("/api/cases", String.class);
        String today = LocalDate.now().toString();

        var export = http.withBasicAuth("admin", "demo").getForEntity("/api/audit?from=" + today + "&to=" + today, String.class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getBody()).startsWith("occurred_at,actor,action,method,path,status,remote_addr")
                .contains("\"paula\",VIEW,GET,\"/documents/987654321\",404")
                .contains("\"paula\",CHANGE,POST,\"/api/requests/987654321/extension\"")
                .doesNotContain("\"/api/cases\"");
        assertThat(paula.getForEntity("/api/audit?from=" + today + "&to=" + today, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
