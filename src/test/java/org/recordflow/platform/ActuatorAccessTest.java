package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.oversight.OversightAccessTest.SCRAPE_PASSWORD;
import static org.recordflow.oversight.OversightAccessTest.SCRAPE_USER;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The actuator, role by role: the health status for anyone (its details, which name the database
 * and the disk path, for administrators), metrics, build information and the endpoint list for
 * supervisors and administrators, the Prometheus scrape also for the monitoring group.
 */
@RecordflowSpringTest
class ActuatorAccessTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void theHealthStatusIsForEveryoneItsDetailsForAdministratorsOnly() {
        for (TestRestTemplate caller : new TestRestTemplate[] {http, as("paula"), as("riley"), as("alex"), as("sam"),
                http.withBasicAuth(SCRAPE_USER, SCRAPE_PASSWORD)}) {
            ResponseEntity<Map> health = caller.getForEntity("/actuator/health", Map.class);
            assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(health.getBody()).containsEntry("status", "UP").doesNotContainKeys("components", "details");
            assertThat(caller.getForObject("/actuator/health/readiness", Map.class)).containsEntry("status", "UP")
                    .doesNotContainKeys("components", "details");
        }

        ResponseEntity<String> details = as("admin").getForEntity("/actuator/health", String.class);
        assertThat(details.getBody()).contains("\"components\"", "\"db\"", "\"diskSpace\"");
    }

    @Test
    void metricsBuildInformationAndTheEndpointListAreForSupervisorsAndAdministrators() {
        for (String path : new String[] {"/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info", "/actuator"}) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            for (TestRestTemplate refused : new TestRestTemplate[] {as("paula"), as("riley"), as("alex"),
                    http.withBasicAuth(SCRAPE_USER, SCRAPE_PASSWORD)}) {
                assertThat(refused.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            assertThat(as("sam").getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(as("admin").getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void thePrometheusScrapeStaysOpenToMonitoringSupervisorsAndAdministrators() {
        for (TestRestTemplate allowed : new TestRestTemplate[] {http.withBasicAuth(SCRAPE_USER, SCRAPE_PASSWORD), as("sam"), as("admin")}) {
            assertThat(allowed.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(as("paula").getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }
}
