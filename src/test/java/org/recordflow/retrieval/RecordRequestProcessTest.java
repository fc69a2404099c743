package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.recordflow.support.DeadlineRuleStandIn;
import org.recordflow.support.PhaseEntryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recordflow.support.ProcessEngineTests;

/**
 * record-request.bpmn on the engine alone, time moved with ClockUtil: follow-ups on their cadence,
 * the deadline and its escalations, an extension moving the deadline, the packet message, a fee.
 * The services behind the delegates are tested with the real database in RetrievalServicesTest.
 */
@Deployment(resources = {"processes/record-request.bpmn", "processes/request-deadline.dmn"})
class RecordRequestProcessTest {

    final PhaseEntryStandIn phases = new PhaseEntryStandIn();
    final DeadlineRuleStandIn deadlineRule = new DeadlineRuleStandIn();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    static final Instant SENT = Instant.parse("2026-03-02T10:00:00Z");

    ProcessEngine processEngine;
    final List<String> called = new ArrayList<>();
    /** Due on day 30: overdue from the start of day 31, as RequestDeadlines.overdueFrom computes it. */
    Date deadlineAt = at(31);

    public static class Settings {
        public String attorneyEscalationAfter() {
            return "P14D";
        }
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("casePhases", phases);
        ClockUtil.setCurrentTime(Date.from(SENT));
        Mocks.register("retrievalSettings", new Settings());
        Mocks.register("prepareRecordRequest", (JavaDelegate) execution -> {
            execution.setVariable("channel", "FAX");
            DeadlineRuleStandIn.setFacts(execution);
        });
        Mocks.register("applyDeadlineRule", deadlineRule);
        Mocks.register("startDeadlineClock", (JavaDelegate) execution -> {
            called.add("startDeadlineClock");
            execution.setVariable("deadlineAt", deadlineAt);
            execution.setVariable("followUpCycle", "R/P14D");
        });
        Mocks.register("prepareFollowUp", (JavaDelegate) execution -> {
            called.add("followUp@" + day());
            execution.setVariableLocal("followUpKind", "EMAILED");
            execution.setVariableLocal("outboundMailId", 99L);
        });
        Mocks.register("escalateOverdueRequest", (JavaDelegate) execution -> {
            called.add("escalate@" + day());
            execution.setVariableLocal("alreadyEscalated", called.stream().filter(c -> c.startsWith("escalate")).count() > 1);
        });
        Mocks.register("recordProviderResponse", (JavaDelegate) execution -> {
            execution.setVariable("responseRoute", execution.getVariable("route"));
            execution.setVariable("productionOutcome", execution.getVariable("outcome"));
        });
        Mocks.register("recordFeeInvoice", (JavaDelegate) execution -> execution.setVariable("feeApproval", execution.getVariable("approval")));
        for (String name : List.of("checkAuthorization", "prepareRequestLetter", "recordRequestSent", "deliverMail",
                "applyPacketVerdict", "openSupplementalRequest", "decideFeeInvoice", "logProviderRequirementMet",
                "rerouteRequest", "closeRefusedRequest", "queueRequestEmail")) {
            Mocks.register(name, (JavaDelegate) execution -> called.add(name));
        }
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void theDeadlineTableDecidesTheRuleBeforeTheRequestIsChecked() {
        sentRequest();

        assertThat(deadlineRule.appliedSources).singleElement().asString().startsWith("45 CFR 164.524(b)(2)");
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery().activityId("Task_DecideDeadlineRule")
                .singleResult().getActivityType()).isEqualTo("businessRuleTask");
        assertThat(processEngine.getHistoryService().createHistoricDecisionInstanceQuery().decisionDefinitionKey("request-deadline")
                .count()).isEqualTo(1);
    }

    @Test
    void followsUpOnDays14And28AndStopsOnceAnswered() {
        ProcessInstance request = sentRequest();

        moveTo(13);
        assertThat(called).noneMatch(c -> c.startsWith("followUp"));
        moveTo(14);
        moveTo(28);
        assertThat(called).filteredOn(c -> c.startsWith("followUp")).containsExactly("followUp@14", "followUp@28");
        assertThat(called).filteredOn("deliverMail"::equals).hasSize(2);

        complete(responseTask(request), withVariables("route", "PRODUCTION", "outcome", "COMPLETE"));
        BpmnAwareTests.assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed");
        assertThat(management().createJobQuery().processInstanceId(request.getId()).count()).isZero();
    }

    @Test
    void pastTheDeadlineASupervisorThenAnAttorneyGetsTheRequest() {
        ProcessInstance request = sentRequest();

        moveTo(30);
        assertThat(tasks(request)).doesNotContain("Task_EscalateToSupervisor");
        moveTo(31);
        assertThat(called).contains("escalate@31");
        Task supervisor = processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey("Task_EscalateToSupervisor").singleResult();
        BpmnAwareTests.assertThat(supervisor).hasCandidateGroup("supervisors");
        complete(supervisor, withVariables("escalationAction", "sent the escalation letter"));

        moveTo(44);
        assertThat(tasks(request)).doesNotContain("Task_EscalateToAttorney");
        moveTo(45);
        Task attorney = processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey("Task_EscalateToAttorney").singleResult();
        BpmnAwareTests.assertThat(attorney).hasCandidateGroup("attorneys");
        assertThat(tasks(request)).contains("Task_RecordProviderResponse");

        complete(responseTask(request), withVariables("route", "PRODUCTION", "outcome", "COMPLETE"));
        BpmnAwareTests.assertThat(request).isEnded();
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId()).count()).isZero();
    }

    /** An extension moves the deadline later; a Texas fee payment starts the clock, its deadline replacing the provisional one. */
    @ParameterizedTest
    @CsvSource({"ExtensionRecorded, 20, 61", "PaymentRecorded, 5, 21"})
    void aRecordedExtensionOrPaymentReArmsTheDeadlineTimer(String message, int recordedOnDay, int newDeadlineDay) {
        ProcessInstance request = sentRequest();
        moveTo(recordedOnDay);

        deadlineAt = at(newDeadlineDay);
        processEngine.getRuntimeService().createMessageCorrelation(message).processInstanceId(request.getId()).correlate();

        moveTo(newDeadlineDay - 1);
        assertThat(called).noneMatch(c -> c.startsWith("escalate"));
        moveTo(newDeadlineDay);
        assertThat(called).contains("escalate@" + newDeadlineDay).filteredOn("startDeadlineClock"::equals).hasSize(2);
    }

    @Test
    void anIndexedPartialPacketOpensASupplementalRequest() {
        ProcessInstance request = sentRequest();

        processEngine.getRuntimeService().createMessageCorrelation("PacketReceived").processInstanceId(request.getId())
                .setVariable("completenessVerdict", "PARTIAL").setVariable("productionOutcome", "PARTIAL").correlate();

        assertThat(called).containsSubsequence("applyPacketVerdict", "openSupplementalRequest");
        BpmnAwareTests.assertThat(request).isEnded().hasPassed("Task_OpenSupplementalRequest");
    }

    @Test
    void feesGoToTheParalegalOrTheAttorneyByAmountAndTheRequestWaitsAgain() {
        ProcessInstance request = sentRequest();

        complete(responseTask(request), withVariables("route", "FEE", "approval", "ATTORNEY"));
        Task approve = processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey("Task_ApproveFeeInvoice").singleResult();
        BpmnAwareTests.assertThat(approve).hasCandidateGroup("attorneys");
        complete(approve, withVariables("feeApproved", true));
        assertThat(called).contains("decideFeeInvoice");
        assertThat(tasks(request)).containsExactly("Task_RecordProviderResponse");

        complete(responseTask(request), withVariables("route", "FEE", "approval", "AUTO_APPROVE"));
        assertThat(tasks(request)).containsExactly("Task_RecordProviderResponse");
    }

    @Test
    void aWrongDepartmentSendsTheRequestAgain() {
        ProcessInstance request = sentRequest();

        complete(responseTask(request), withVariables("route", "REROUTE"));

        assertThat(called).containsSubsequence("rerouteRequest", "prepareRequestLetter");
        assertThat(tasks(request)).containsExactly("Task_SendRecordRequest");
    }

    @Test
    void anExpiredAuthorizationPausesTheRequestUntilRenewed() {
        ProcessInstance request = sentRequest();

        processEngine.getRuntimeService().createMessageCorrelation("AuthorizationExpired").processInstanceId(request.getId()).correlate();
        BpmnAwareTests.assertThat(request).isWaitingAt("Event_AuthorizationRenewed");
        moveTo(40);
        assertThat(called).noneMatch(c -> c.startsWith("followUp") || c.startsWith("escalate"));

        processEngine.getRuntimeService().createMessageCorrelation("AuthorizationRenewed").processInstanceId(request.getId()).correlate();
        assertThat(tasks(request)).containsExactly("Task_RecordProviderResponse");
    }

    private ProcessInstance sentRequest() {
        ProcessInstance request = processEngine.getRuntimeService().startProcessInstanceByKey("record-request", "RF-00001",
                Map.of("caseId", 1L, "recordRequestId", 11L, "paralegalGroup", "paralegals"));
        complete(processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId()).singleResult());
        BpmnAwareTests.assertThat(request).isWaitingAt("Task_RecordProviderResponse");
        return request;
    }

    private Task responseTask(ProcessInstance request) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId())
                .taskDefinitionKey("Task_RecordProviderResponse").singleResult();
    }

    private List<String> tasks(ProcessInstance request) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(request.getId()).list().stream()
                .map(Task::getTaskDefinitionKey).toList();
    }

    /** Moves the clock to the start of day {@code day} after sending, running every job due by then, in order. */
    private void moveTo(int day) {
        ClockUtil.setCurrentTime(at(day));
        List<Job> due;
        while (!(due = management().createJobQuery().executable().orderByJobDuedate().asc().list()).isEmpty()) {
            management().executeJob(due.get(0).getId());
        }
    }

    private long day() {
        return ChronoUnit.DAYS.between(SENT, ClockUtil.getCurrentTime().toInstant());
    }

    private ManagementService management() {
        return processEngine.getManagementService();
    }

    private static Date at(int day) {
        return Date.from(SENT.plus(day, ChronoUnit.DAYS));
    }
}
