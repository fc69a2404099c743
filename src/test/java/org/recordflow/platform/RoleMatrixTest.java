package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.recordflow.casefile.CasePhase;
import org.recordflow.support.CaseDriver;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The role matrix of the README ("Who may do what"), user by user, on our endpoints and on
 * Camunda's REST API and webapps. A case of Paula's team (injuryteam) is out of reach of Pat, a
 * paralegal of the other team; supervisors and attorneys read it but do not change it; reviewers
 * reach it once it is in clinical review; administrators do everything.
 */
@RecordflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;

    String reference;
    /** A second case of Paula's team, still waiting for its record holders to be confirmed */
    String waitingReference;
    long caseId;
    long requestId;
    long documentId;
    long authorizationId;

    @BeforeAll
    void paulaOpensACaseForHerTeam() {
        CaseDriver paula = new CaseDriver(new RecordflowApiClient(http, "paula", "demo"));
        // No group named: the case goes to the opener's own team
        reference = paula.open(intake("CA", List.of(holder("Alta Bates Medical Center", "HOSPITAL", "EMAIL",
                "him@altabates.example")), "paralegalGroup", ""));
        paula.confirmHolders(reference);
        paula.signAuthorization(reference);
        waitingReference = paula.open(intake("CA", List.of(holder("Highland Hospital", "HOSPITAL", "EMAIL",
                "roi@highland.example")), "paralegalGroup", ""));
        caseId = jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();
        requestId = jdbc.sql("select min(id) from record_request where case_id = ?").param(caseId).query(Long.class).single();
        documentId = jdbc.sql("select min(id) from generated_document where case_id = ?").param(caseId).query(Long.class).single();
        authorizationId = jdbc.sql("select min(id) from hipaa_authorization where case_id = ?").param(caseId).query(Long.class).single();
    }

    @Test
    void theCaseBelongsToTheOpenersTeamAndItsTasksGoToThatTeam() {
        assertThat(jdbc.sql("select paralegal_group from case_file where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("injuryteam");
        assertThat(tasks("paula")).isNotEmpty();
        assertThat(tasks("pat")).as("the other team's Tasklist").isEmpty();
    }

    @Test
    void aParalegalOfAnotherTeamReachesNoneOfTheCasesData() {
        TestRestTemplate pat = as("pat");
        for (String path : List.of("/api/cases/" + caseId, "/cases/" + caseId, "/api/cases/" + caseId + "/requests",
                "/api/requests/" + requestId, "/requests/" + requestId, "/api/requests/" + requestId + "/correspondence",
                "/documents/" + documentId, "/authorizations/" + authorizationId + "/pdf",
                "/api/cases/" + caseId + "/authorizations", "/records/cases/" + caseId, "/api/cases/" + caseId + "/binder",
                "/requests/" + requestId + "/diligence-report.pdf")) {
            ResponseEntity<String> response = pat.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getBody()).as(path).doesNotContain("Maria Lopez").doesNotContain("Alta Bates");
        }
        assertThat(pat.getForObject("/api/cases", String.class)).doesNotContain(reference);
        assertThat(pat.getForObject("/cases", String.class)).doesNotContain(reference);
        assertThat(as("paula").getForObject("/api/cases", String.class)).contains(reference);
    }

    @Test
    void aRefusedPageSaysWhyInThePagesOwnLayout() {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = as("pat").exchange("/cases/" + caseId, HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(page.getBody()).contains("Not for you", "belongs to group &#39;injuryteam&#39;; you are not a member of it",
                "/css/recordflow.css").doesNotContain("Whitelabel", "Maria Lopez");
    }

    @Test
    void eachRoleIsOfferedOnlyWhatItMayOpen() {
        assertThat(as("paula").getForObject("/", String.class)).contains("/camunda/app/tasklist/", "/cases")
                .doesNotContain("/camunda/app/cockpit/", "/oversight", "/camunda/app/admin/");
        assertThat(as("sam").getForObject("/", String.class)).contains("/camunda/app/cockpit/", "/oversight")
                .doesNotContain("/camunda/app/admin/");
        assertThat(as("admin").getForObject("/", String.class)).contains("/camunda/app/cockpit/", "/oversight",
                "/camunda/app/admin/");
    }

    @Test
    void aParalegalOfAnotherTeamChangesNothing() {
        int packets = count("packet");
        String authorizationStatus = authorizationStatus();
        int logEntries = count("correspondence_entry");
        ResponseEntity<String> upload = upload(as("pat"));
        ResponseEntity<String> extension = extension(as("pat"));
        ResponseEntity<String> revocation = as("pat").postForEntity("/api/authorizations/" + authorizationId + "/revocation",
                Map.of("revokedOn", "2026-11-20"), String.class);

        assertThat(List.of(upload.getStatusCode(), extension.getStatusCode(), revocation.getStatusCode()))
                .containsOnly(HttpStatus.FORBIDDEN);
        assertThat(upload.getBody()).contains("injuryteam");
        assertThat(count("packet")).isEqualTo(packets);
        assertThat(count("correspondence_entry")).isEqualTo(logEntries);
        assertThat(authorizationStatus()).isEqualTo(authorizationStatus);
    }

    @Test
    void anotherTeamsTaskCannotBeClaimedOrCompletedThroughTheEngineApi() {
        String taskId = (String) tasks("paula").get(0).get("id");
        TestRestTemplate pat = as("pat");
        assertThat(pat.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "pat"), String.class, taskId)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pat.postForEntity("/engine-rest/task/{id}/complete", Map.of(), String.class, taskId).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pat.getForEntity("/engine-rest/task/{id}/variables", String.class, taskId).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void paralegalsStartCasesOnlyAndReadTheirTeamsProcessInstancesWithoutChangingThem() {
        TestRestTemplate paula = as("paula");
        assertThat(paula.postForEntity("/engine-rest/process-definition/key/record-request/start", Map.of(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paula.getForObject("/engine-rest/process-definition?startablePermissionCheck=true&latestVersion=true", List.class))
                .extracting(d -> ((Map<?, ?>) d).get("key")).containsExactly("case-lifecycle");

        List<?> instances = paula.getForObject("/engine-rest/process-instance?businessKey={k}", List.class, reference);
        assertThat(instances).isNotEmpty();
        assertThat(as("pat").getForObject("/engine-rest/process-instance?businessKey={k}", List.class, reference)).isEmpty();
        String instanceId = (String) ((Map<?, ?>) instances.get(0)).get("id");
        assertThat(paula.exchange("/engine-rest/process-instance/{id}/variables/clientName", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", "Someone Else", "type", "String")), String.class, instanceId).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paula.exchange("/engine-rest/process-instance/{id}", HttpMethod.DELETE, null, String.class, instanceId)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void tasklistFiltersShowTheTeamsTasksWithTheirCaseVariables() {
        String filterId = (String) ((Map<?, ?>) as("paula").getForObject("/engine-rest/filter?name={n}", List.class,
                "My group's tasks").get(0)).get("id");
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
        headers.setContentType(MediaType.APPLICATION_JSON);
        var query = new HttpEntity<>(Map.of("processInstanceBusinessKey", waitingReference), headers);

        String paulasList = as("paula").postForObject("/engine-rest/filter/{id}/list", query, String.class, filterId);
        String patsList = as("pat").postForObject("/engine-rest/filter/{id}/list", query, String.class, filterId);

        assertThat(paulasList).contains("Confirm record holders").contains("\"caseReference\"").contains(waitingReference);
        assertThat(patsList).doesNotContain("Confirm record holders").doesNotContain(waitingReference);
    }

    @Test
    void eachRoleReachesItsOwnCamundaWebapps() {
        assertThat(authorizedApps("paula")).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(authorizedApps("riley")).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(authorizedApps("alex")).contains("tasklist").doesNotContain("cockpit", "admin");
        assertThat(authorizedApps("sam")).contains("tasklist", "cockpit").doesNotContain("admin");
        assertThat(authorizedApps("admin")).contains("tasklist", "cockpit", "admin");
        assertThat(as("paula").postForEntity("/engine-rest/user/create",
                Map.of("profile", Map.of("id", "mallory"), "credentials", Map.of("password", "x")), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void supervisorsReadEveryCaseAndItsProcessesButChangeNothing() {
        TestRestTemplate sam = as("sam");
        assertThat(sam.getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sam.getForEntity("/documents/" + documentId, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sam.getForObject("/api/cases", String.class)).contains(reference);
        assertThat(extension(sam).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload(sam).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        List<?> instances = sam.getForObject("/engine-rest/process-instance?businessKey={k}", List.class, reference);
        assertThat(instances).isNotEmpty();
        String instanceId = (String) ((Map<?, ?>) instances.get(0)).get("id");
        assertThat(sam.exchange("/engine-rest/process-instance/{id}", HttpMethod.DELETE, null, String.class, instanceId)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(sam.getForObject("/engine-rest/process-instance?businessKey={k}", List.class, reference)).hasSize(instances.size());
    }

    @Test
    void attorneysReadCasesButDoNotWorkThem() {
        TestRestTemplate alex = as("alex");
        assertThat(alex.getForEntity("/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(alex.getForEntity("/authorizations/" + authorizationId + "/pdf", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(upload(alex).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void reviewersReachACaseOnceItIsInClinicalReviewAndSeeOnlyReviewTasks() {
        TestRestTemplate riley = as("riley");
        assertThat(riley.getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks("riley")).as("no paralegal tasks in a reviewer's Tasklist").isEmpty();

        String otherCase = new CaseDriver(new RecordflowApiClient(http, "paula", "demo")).open(intake("CA",
                List.of(holder("Summit Imaging", "RADIOLOGY", "EMAIL", "films@summit.example")), "paralegalGroup", ""));
        long otherCaseId = jdbc.sql("select id from case_file where reference = ?").param(otherCase).query(Long.class).single();
        jdbc.sql("update case_file set phase = ? where id = ?").params(CasePhase.CLINICAL_REVIEW.name(), otherCaseId).update();

        assertThat(riley.getForEntity("/api/cases/" + otherCaseId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(riley.exchange("/api/cases/" + otherCaseId + "/bates", HttpMethod.PUT,
                new HttpEntity<>(Map.of("prefix", "RILEY")), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void administratorsDoEverything() {
        TestRestTemplate admin = as("admin");
        assertThat(admin.getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(admin.getForObject("/engine-rest/process-instance?businessKey={k}", List.class, reference)).isNotEmpty();
        assertThat(admin.getForObject("/engine-rest/task?processInstanceBusinessKey={k}", List.class, waitingReference))
                .isNotEmpty();
    }

    @Test
    void aCaseCannotBeOpenedForAnotherTeamNorForANonTeamGroup() {
        RecordflowApiClient pat = new RecordflowApiClient(http, "pat", "demo");
        int cases = count("case_file");
        var otherTeam = pat.submitStartForm("case-lifecycle", intake("CA", List.of(holder("Kaiser Oakland", "HOSPITAL",
                "EMAIL", "roi@kaiser.example")), "paralegalGroup", "injuryteam"));
        var notATeam = pat.submitStartForm("case-lifecycle", intake("CA", List.of(holder("Kaiser Oakland", "HOSPITAL",
                "EMAIL", "roi@kaiser.example")), "paralegalGroup", "supervisors"));

        assertThat(otherTeam.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherTeam.getBody().get("message").toString()).contains("You are not a member of group 'injuryteam'");
        assertThat(notATeam.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notATeam.getBody().get("message").toString()).contains("Group 'supervisors' is not a paralegal team");
        assertThat(count("case_file")).isEqualTo(cases);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasks(String user) {
        return as(user).getForObject("/engine-rest/task?processInstanceBusinessKey={k}", List.class, waitingReference);
    }

    /** The Camunda webapps that open for the user; the others answer 403 "No access rights". */
    private List<String> authorizedApps(String user) {
        return Stream.of("tasklist", "cockpit", "admin")
                .filter(app -> as(user).getForEntity("/camunda/app/{app}/default/", String.class, app).getStatusCode() == HttpStatus.OK)
                .toList();
    }

    private String authorizationStatus() {
        return jdbc.sql("select status from hipaa_authorization where id = ?").param(authorizationId).query(String.class).single();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private ResponseEntity<String> extension(TestRestTemplate user) {
        return user.postForEntity("/api/requests/" + requestId + "/extension",
                Map.of("noticeReceivedOn", "2026-11-20", "newDueOn", "2026-12-30", "reason", "volume"), String.class);
    }

    private ResponseEntity<String> upload(TestRestTemplate user) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource("%PDF-1.4 not really".getBytes()) {
            @Override
            public String getFilename() {
                return "records.pdf";
            }
        });
        body.add("receivedOn", "2026-11-20");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return user.postForEntity("/api/requests/" + requestId + "/packets", new HttpEntity<>(body, headers), String.class);
    }
}
