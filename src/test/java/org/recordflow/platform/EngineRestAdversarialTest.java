package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.casefile.CasePhase;
import org.recordflow.casefile.CasePhaseException;
import org.recordflow.support.CaseDriver;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Camunda's REST API tried the way a hostile member of the firm would (issue 12): Object variables
 * that name a class, start instructions and instance modification, variables that are no field of
 * the form, comments by a read-only role, the user directory. Each attempt is refused and changes
 * nothing; administrators keep their powers.
 */
@RecordflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineRestAdversarialTest {

    /** Counts instantiations: a hostile Object variable must never create one. */
    public static class Tripwire {
        static final AtomicInteger CREATED = new AtomicInteger();

        public Tripwire() {
            CREATED.incrementAndGet();
        }

        public void setCommand(String command) {
            CREATED.incrementAndGet();
        }
    }

    static final String TRIPWIRE = "org.recordflow.platform.EngineRestAdversarialTest$Tripwire";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    IdentityService identity;
    @Autowired
    CaseFileService cases;

    /** Paula's team's case, in retrieval */
    String victim;
    /** Another of her team's cases, waiting at its first task */
    String waiting;
    long victimCaseId;
    String victimInstanceId;

    @BeforeAll
    void paulasTeamHasACaseInRetrieval() {
        CaseDriver paula = new CaseDriver(api("paula"));
        victim = paula.open(intake("CA", List.of(holder("Alta Bates Medical Center", "HOSPITAL", "EMAIL",
                "him@altabates.example")), "paralegalGroup", "injuryteam"));
        paula.confirmHolders(victim);
        paula.signAuthorization(victim);
        waiting = paula.open(intake("CA", List.of(holder("Highland Hospital", "HOSPITAL", "FAX", "510-555-0100")),
                "paralegalGroup", "injuryteam"));
        victimCaseId = jdbc.sql("select id from case_file where reference = ?").param(victim).query(Long.class).single();
        victimInstanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(victim)
                .processDefinitionKey("case-lifecycle").singleResult().getId();
    }

    @AfterEach
    void noEngineUserLeftOnThisThread() {
        identity.clearAuthentication();
    }

    @Test
    void anObjectVariableNamingAClassIsRefusedWhenWrittenAndNothingIsInstantiated() {
        Map<String, Object> hostile = Map.of("type", "Object", "value", "{\"command\":\"touch /tmp/pwned\"}",
                "valueInfo", Map.of("objectTypeName", TRIPWIRE, "serializationDataFormat", "application/json"));
        Map<String, Object> variables = Map.of("clientName", hostile, "state", Map.of("value", "CA"));
        int instances = instanceCount();

        ResponseEntity<String> start = as("paula").postForEntity("/engine-rest/process-definition/key/case-lifecycle/start",
                Map.of("variables", variables), String.class);

        assertThat(start.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(start.getBody()).contains("clientName", TRIPWIRE, "not accepted").doesNotContain("at org.");
        assertThat(instanceCount()).isEqualTo(instances);
        assertThat(Tripwire.CREATED).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {TRIPWIRE_GENERIC, "org.h2.jdbcx.JdbcDataSource", "[Lorg.h2.jdbcx.JdbcDataSource;", ""})
    void noWriterGetsSuchAVariableStoredNotEvenAnAdministratorThroughJava(String typeName) {
        var value = Variables.serializedObjectValue("{}").objectTypeName(typeName)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();

        assertThatThrownBy(() -> runtime.setVariable(victimInstanceId, "gadget", value))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("gadget");
        assertThat(runtime.getVariable(victimInstanceId, "gadget")).isNull();
    }

    @Test
    void aTransientObjectFromOutsideIsRefusedToo() {
        var value = Variables.serializedObjectValue("{}").objectTypeName(TRIPWIRE)
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).setTransient(true).create();

        assertThatThrownBy(() -> runtime.setVariable(victimInstanceId, "gadget", value))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("gadget");
        assertThat(Tripwire.CREATED).hasValue(0);
    }

    static final String TRIPWIRE_GENERIC = "java.util.ArrayList<org.recordflow.platform.EngineRestAdversarialTest$Tripwire>";

    @Test
    void plainCollectionsStillWork() {
        runtime.setVariable(victimInstanceId, "plainList", Variables.objectValue(new java.util.ArrayList<>(List.of("a", "b")))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        assertThat(runtime.getVariable(victimInstanceId, "plainList")).isEqualTo(List.of("a", "b"));
        runtime.removeVariable(victimInstanceId, "plainList");
    }

    @Test
    void aHostileObjectAlreadyInTheDatabaseIsReadAsTextNeverInstantiated() {
        runtime.setVariable(victimInstanceId, "legacy", Variables.objectValue(new java.util.ArrayList<>(List.of("x")))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        // what a database written before the guard may hold
        jdbc.sql("update ACT_RU_VARIABLE set TEXT2_ = ? where NAME_ = 'legacy' and PROC_INST_ID_ = ?")
                .params(TRIPWIRE, victimInstanceId).update();
        try {
            ResponseEntity<String> read = as("admin").getForEntity("/engine-rest/process-instance/{id}/variables",
                    String.class, victimInstanceId);

            assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(read.getBody()).contains("\"legacy\"", TRIPWIRE);
            assertThat(Tripwire.CREATED).hasValue(0);
        } finally {
            runtime.removeVariable(victimInstanceId, "legacy");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CallActivity_ClinicalReview", "CallActivity_Retrieval#multiInstanceBody", "CallActivity_DemandSupport"})
    void startInstructionsAreForAdministratorsOnly(String activityId) {
        int instances = instanceCount();
        Map<String, Object> body = Map.of(
                "variables", Map.of("caseId", Map.of("value", victimCaseId, "type", "Long"),
                        "paralegalGroup", Map.of("value", "malpracticeteam")),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", activityId)),
                "skipCustomListeners", true, "skipIoMappings", true);

        for (String user : List.of("pat", "paula", "sam", "alex", "riley")) {
            ResponseEntity<String> start = as(user).postForEntity("/engine-rest/process-definition/key/case-lifecycle/start",
                    body, String.class);
            assertThat(start.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(instanceCount()).isEqualTo(instances);
        assertThat(cases.get(victimCaseId).phase()).isEqualTo(CasePhase.RETRIEVAL);
        assertThat(api("pat").tasks(Phases.REVIEW_CHRONOLOGY, victim)).isEmpty();
    }

    @Test
    void modificationAndCorrelationAreForAdministratorsOnly() {
        Map<String, Object> modification = Map.of("instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "CallActivity_ClinicalReview")));
        for (String user : List.of("pat", "paula", "sam", "alex", "riley")) {
            assertThat(as(user).postForEntity("/engine-rest/process-instance/{id}/modification", modification, String.class,
                    victimInstanceId).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(as(user).postForEntity("/engine-rest/modification/execute", Map.of("processDefinitionId",
                    definitionId(), "processInstanceIds", List.of(victimInstanceId), "instructions", modification.get("instructions")),
                    String.class).getStatusCode()).as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
            assertThat(as(user).postForEntity("/engine-rest/message", Map.of("messageName", "PacketReceived",
                    "businessKey", victim), String.class).getStatusCode()).as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
            assertThat(as(user).postForEntity("/engine-rest/signal", Map.of("name", "anything"), String.class)
                    .getStatusCode()).as(user).isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
        }
        assertThat(cases.get(victimCaseId).phase()).isEqualTo(CasePhase.RETRIEVAL);
    }

    @Test
    void aPhaseDoesNotRunForACaseThatIsNotInItOrForAnotherTeam() {
        assertThatThrownBy(() -> cases.enterPhase(victimCaseId, CasePhase.CLINICAL_REVIEW, "injuryteam"))
                .isInstanceOf(CasePhaseException.class).hasMessageContaining("RETRIEVAL");
        assertThatThrownBy(() -> cases.enterPhase(victimCaseId, CasePhase.RETRIEVAL, "malpracticeteam"))
                .isInstanceOf(CasePhaseException.class).hasMessageContaining("injuryteam");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("clinical-review", Map.of("caseId", victimCaseId,
                "paralegalGroup", "injuryteam"))).hasRootCauseInstanceOf(CasePhaseException.class);
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("indexing", Map.of("caseId", victimCaseId,
                "paralegalGroup", "malpracticeteam"))).hasRootCauseInstanceOf(CasePhaseException.class);
        assertThat(cases.get(victimCaseId).phase()).isEqualTo(CasePhase.RETRIEVAL);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("clinical-review").count()).isZero();
    }

    @Test
    void anAdministratorMayStillRepairACaseByModification() {
        String requestInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(victim)
                .processDefinitionKey("record-request").list().get(0).getId();
        String waitingActivity = runtime.getActiveActivityIds(requestInstance).get(0);

        ResponseEntity<String> cancel = as("admin").postForEntity("/engine-rest/process-instance/{id}/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", waitingActivity)),
                        "skipCustomListeners", false), String.class, requestInstance);

        assertThat(cancel.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"caseId", "paralegalGroup", "recordRequestId", "caseReference", "somethingNew"})
    void aTaskTakesOnlyTheFieldsOfItsForm(String variable) {
        String taskId = openTaskOfVictim();
        Map<String, Object> forged = Map.of(variable, Map.of("value", 999999));

        for (String path : List.of("/engine-rest/task/{id}/submit-form", "/engine-rest/task/{id}/complete",
                "/engine-rest/task/{id}/resolve", "/engine-rest/task/{id}/variables")) {
            ResponseEntity<String> answer = path.endsWith("variables")
                    ? as("paula").postForEntity(path, Map.of("modifications", forged), String.class, taskId)
                    : as("paula").postForEntity(path, Map.of("variables", forged), String.class, taskId);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(answer.getBody()).as(path).contains(variable);
        }
        ResponseEntity<String> put = as("paula").exchange("/engine-rest/task/{id}/variables/{name}", HttpMethod.PUT,
                new HttpEntity<>(Map.of("value", 999999)), String.class, taskId, variable);
        assertThat(put.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> delete = as("paula").exchange("/engine-rest/task/{id}/variables/{name}", HttpMethod.DELETE,
                null, String.class, taskId, variable);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(openTaskOfVictim()).isEqualTo(taskId);
        assertThat(runtime.getVariable(victimInstanceId, "caseId")).isEqualTo(victimCaseId);
    }

    @Test
    void theStartFormTakesOnlyItsOwnFields() {
        int instances = instanceCount();
        var response = api("paula").submitStartForm("case-lifecycle", intake("CA", List.of(holder("Highland Hospital",
                "HOSPITAL", "EMAIL", "roi@highland.example")), "caseId", victimCaseId));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(instanceCount()).isEqualTo(instances);
    }

    @Test
    void onlyThoseWhoWorkATaskCommentOnIt() {
        String taskId = openTaskOfVictim();
        Map<String, Object> comment = Map.of("message", "called the HIM office");

        // Camunda's comment resource answers a refusal with 400 ("Not enough parameters submitted")
        assertThat(as("sam").postForEntity("/engine-rest/task/{id}/comment/create", comment, String.class, taskId)
                .getStatusCode()).as("supervisor, read-only").isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST);
        assertThat(as("pat").postForEntity("/engine-rest/task/{id}/comment/create", comment, String.class, taskId)
                .getStatusCode()).as("other team").isIn(HttpStatus.FORBIDDEN, HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND);
        assertThat(jdbc.sql("select count(*) from ACT_HI_COMMENT where TASK_ID_ = ?").param(taskId).query(Integer.class).single())
                .as("no comment stored").isZero();
        // (Camunda's comment resource looks the task up in history, which paralegals do not read)
        ResponseEntity<String> admin = as("admin").postForEntity("/engine-rest/task/{id}/comment/create", comment, String.class, taskId);
        assertThat(admin.getStatusCode()).as(admin.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(as("paula").postForEntity("/engine-rest/process-instance/{id}/comment", comment, String.class,
                victimInstanceId).getStatusCode().is2xxSuccessful()).isFalse();
    }

    @Test
    void whatPeopleDoInTheEngineIsAuditedWithTheCase() {
        List<String> actions = jdbc.sql("select path from audit_event where method = 'ENGINE' and actor = 'paula' and case_id = ?")
                .param(victimCaseId).query(String.class).list();

        assertThat(actions).contains("open case " + victim, "complete task " + Phases.CONFIRM_RECORD_HOLDERS,
                "complete task " + Phases.COLLECT_SIGNED_AUTHORIZATION);
        assertThat(jdbc.sql("select count(*) from audit_event where method = 'ENGINE' and actor <> 'paula' and case_id = ?")
                .param(victimCaseId).query(Integer.class).single()).as("refused attempts leave no engine action").isZero();
    }

    @Test
    void onlyAdministratorsListTheUsers() {
        for (String user : List.of("paula", "pat", "sam", "alex", "riley")) {
            List<?> users = as(user).getForObject("/engine-rest/user", List.class);
            assertThat(users.stream().map(u -> (Object) ((Map<?, ?>) u).get("id")).toList()).as(user + " sees only themselves")
                    .containsExactly((Object) user);
            assertThat(as(user).getForEntity("/engine-rest/user/{id}/profile", String.class, user).getStatusCode())
                    .as(user + " reads their own profile").isEqualTo(HttpStatus.OK);
        }
        assertThat(as("admin").getForObject("/engine-rest/user", String.class)).contains("\"paula\"", "\"pat\"");
    }

    /** The open task of the waiting case, as paula's Tasklist lists it */
    private String openTaskOfVictim() {
        List<?> tasks = as("paula").getForObject("/engine-rest/task?processInstanceBusinessKey={bk}&sortBy=id&sortOrder=asc",
                List.class, waiting);
        assertThat(tasks).isNotEmpty();
        return (String) ((Map<?, ?>) tasks.get(0)).get("id");
    }

    private int instanceCount() {
        return (int) runtime.createProcessInstanceQuery().count();
    }

    private String definitionId() {
        return runtime.createProcessInstanceQuery().processInstanceId(victimInstanceId).singleResult().getProcessDefinitionId();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private RecordflowApiClient api(String user) {
        return new RecordflowApiClient(http, user, "demo");
    }
}
