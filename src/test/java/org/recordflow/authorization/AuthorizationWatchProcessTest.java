package org.recordflow.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.recordflow.support.PhaseEntryStandIn;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.support.ProcessEngineTests;

/** The expiry watch: renewal task at the lead time, pause at expiry, resume on renewal; time moved by ClockUtil. */
@Deployment(resources = "processes/authorization-watch.bpmn")
class AuthorizationWatchProcessTest {

    final PhaseEntryStandIn phases = new PhaseEntryStandIn();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final Date RENEWAL_DUE = Date.from(NOW.plus(335, ChronoUnit.DAYS));
    static final Date EXPIRES = Date.from(NOW.plus(365, ChronoUnit.DAYS));

    ProcessEngine processEngine;
    final List<String> called = new ArrayList<>();

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("casePhases", phases);
        ClockUtil.setCurrentTime(Date.from(NOW));
        for (String name : List.of("markAuthorizationExpired", "pauseRequestsForExpiredAuthorization",
                "recordRenewedAuthorization", "resumePausedRequests", "startAuthorizationWatch")) {
            Mocks.register(name, (JavaDelegate) execution -> called.add(name));
        }
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance startWatch() {
        return processEngine.getRuntimeService().createMessageCorrelation("AuthorizationRecorded")
                .processInstanceBusinessKey("RF-00007")
                .setVariables(Variables.createVariables().putValue("caseId", 7L).putValue("paralegalGroup", "paralegals")
                        .putValue("renewalDueAt", RENEWAL_DUE).putValue("expiresAt", EXPIRES))
                .correlateStartMessage();
    }

    @Test
    void renewalTaskAppearsThirtyDaysBeforeExpiryNotEarlier() {
        ProcessInstance watch = startWatch();
        BpmnAwareTests.assertThat(watch).isWaitingAt("Timer_RenewalDue");
        assertThat(job().getDuedate()).isEqualTo(RENEWAL_DUE);
        assertThat(processEngine.getTaskService().createTaskQuery().count()).isZero();

        ClockUtil.setCurrentTime(RENEWAL_DUE);
        execute(job());

        BpmnAwareTests.assertThat(watch).isWaitingAt("Task_RenewAuthorization");
        BpmnAwareTests.assertThat(task()).hasCandidateGroup("paralegals").hasDueDate(EXPIRES);
    }

    @Test
    void atExpiryOpenRequestsPauseAndTheRenewalStaysOpenUntilRecorded() {
        ProcessInstance watch = startWatch();
        BpmnAwareTests.assertThat(watch).isWaitingAt("Timer_RenewalDue");
        ClockUtil.setCurrentTime(RENEWAL_DUE);
        execute(job());

        ClockUtil.setCurrentTime(EXPIRES);
        execute(job());
        assertThat(called).containsExactly("markAuthorizationExpired", "pauseRequestsForExpiredAuthorization");
        BpmnAwareTests.assertThat(watch).isWaitingAt("Task_RenewAuthorization");

        complete(task());
        assertThat(called).containsSubsequence("recordRenewedAuthorization", "resumePausedRequests", "startAuthorizationWatch");
        BpmnAwareTests.assertThat(watch).isEnded().hasPassed("EndEvent_AuthorizationRenewed");
    }

    @Test
    void renewalBeforeExpiryCancelsTheExpiryTimer() {
        ProcessInstance watch = startWatch();
        BpmnAwareTests.assertThat(watch).isWaitingAt("Timer_RenewalDue");
        ClockUtil.setCurrentTime(RENEWAL_DUE);
        execute(job());

        complete(task());

        BpmnAwareTests.assertThat(watch).isEnded();
        assertThat(called).doesNotContain("pauseRequestsForExpiredAuthorization");
        assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
    }
}
