package org.recordflow.platform;

import org.recordflow.support.RecordflowSpringTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@RecordflowSpringTest
class AuthenticationTest {

    static final String ENGINE_REST_TASKS = "/engine-rest/task";
    static final String TASKLIST_API_TASKS = "/camunda/api/engine/engine/default/task/count";

    @Autowired
    TestRestTemplate http;
    @Autowired
    UserAccounts accounts;

    @Test
    void anonymousCallsToTheEngineApiAndTasklistApiAreRefused() {
        assertThat(http.getForEntity(ENGINE_REST_TASKS, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(TASKLIST_API_TASKS, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anonymousBrowserIsSentToTheLoginPage() {
        // TestRestTemplate follows the redirect: what arrives is the login form, not Tasklist
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).contains("name=\"username\"").contains("name=\"password\"")
                .doesNotContain("camunda-tasklist");
    }

    @Test
    void healthProbeIsOpen() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void demoUserIsAcceptedByBothApis() {
        TestRestTemplate paula = http.withBasicAuth("paula", "demo");
        assertThat(paula.getForEntity(ENGINE_REST_TASKS, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> tasklist = paula.getForEntity(TASKLIST_API_TASKS, String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).contains("count");
        assertThat(paula.getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void signedInUserReachesTasklistRatherThanCamundasSetupPage() {
        // The webapps redirect to Admin's "create an admin user" setup while no user is in camunda-admin
        ResponseEntity<String> tasklist = http.withBasicAuth("paula", "demo").getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).contains("camunda-tasklist-bootstrap").doesNotContain("camunda-admin-bootstrap");
    }

    /** Uses users of its own: wrong passwords make later sign-ins of that user from this address wait (LoginThrottle). */
    @Test
    void wrongPasswordIsRefused() {
        accounts.ensureUser("wrongpassword", "Wrong", "Password", "right-password", RecordflowGroups.REVIEWERS);
        assertThat(http.withBasicAuth("wrongpassword", "wrong").getForEntity(ENGINE_REST_TASKS, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("nobody", "demo").getForEntity(TASKLIST_API_TASKS, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
