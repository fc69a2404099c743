package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.casefile.CaseLifecycleProcess;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.casefile.CasePhase;
import org.recordflow.oversight.OversightViews.CycleTimes;
import org.recordflow.oversight.OversightViews.PhaseCycleTime;
import org.recordflow.oversight.OversightViews.PhaseRun;
import org.recordflow.oversight.OversightViews.WeeklyCycleTime;
import org.recordflow.platform.EngineClock;
import org.recordflow.support.ProcessEngineTests;

/**
 * Cycle times from the engine's history of the real case-lifecycle.bpmn; each phase it calls is a
 * one-task stand-in, so the test decides exactly how long every phase lasts by moving the clock.
 */
class PhaseCycleTimesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;
    RuntimeService runtime;
    TaskService tasks;
    String deploymentId;
    Instant now;
    PhaseCycleTimes cycleTimes;

    /** Stands in for recordRequestService: two record requests per case, so retrieval runs two instances. */
    public static class TwoRequests {
        public List<Long> idsForCase(Long caseId) {
            return List.of(caseId * 10 + 1, caseId * 10 + 2);
        }
    }

    /** Stands in for casePhases. */
    public static class IgnoredPhases {
        public void enter(DelegateExecution execution, String phase) {
        }
    }

    @BeforeEach
    void deployLifecycleWithStandInPhases() {
        runtime = processEngine.getRuntimeService();
        tasks = processEngine.getTaskService();
        Mocks.register("casePhases", new IgnoredPhases());
        Mocks.register("recordRequestService", new TwoRequests());
        Mocks.register("openCase", (JavaDelegate) execution -> {
            String reference = (String) execution.getVariable("reference");
            execution.setVariable("caseId", Long.valueOf(reference.substring(3)));
            execution.setVariable("caseReference", reference);
            execution.setProcessBusinessKey(reference);
        });
        DeploymentBuilder deployment = processEngine.getRepositoryService().createDeployment()
                .addClasspathResource("processes/" + CaseLifecycleProcess.KEY + ".bpmn");
        for (String phase : List.of(Phases.INTAKE_KEY, Phases.AUTHORIZATION_KEY, Phases.RECORD_REQUEST_KEY,
                Phases.INDEXING_KEY, Phases.CLINICAL_REVIEW_KEY, Phases.DEMAND_SUPPORT_KEY)) {
            deployment.addModelInstance(phase + ".bpmn", Bpmn.createExecutableProcess(phase).camundaHistoryTimeToLive(1)
                    .startEvent().userTask("Task_Work").endEvent().done());
        }
        deploymentId = deployment.deploy().getId();
        cycleTimes = new PhaseCycleTimes(processEngine.getHistoryService(), new EngineClock(ZoneOffset.UTC),
                references -> Map.of("RF-1", 1L, "RF-2", 2L, "RF-3", 3L));
    }

    @AfterEach
    void cleanUp() {
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
        Mocks.reset();
        ClockUtil.reset();
    }

    @Test
    void medianAndP90PerPhaseFromFinishedRunsOnly() {
        walkThreeCases();

        CycleTimes result = cycleTimes.cycleTimes(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31), 13);

        assertThat(phase(result, CasePhase.INTAKE)).satisfies(intake -> {
            assertThat(intake.finished()).as("the cancelled intake of RF-4 is left out").isEqualTo(3);
            assertThat(intake.medianDays()).isCloseTo(4.0, within(1e-9));
            assertThat(intake.p90Days()).isCloseTo(5.6, within(1e-9));
        });
        assertThat(phase(result, CasePhase.RETRIEVAL)).satisfies(retrieval -> {
            assertThat(retrieval.finished()).as("one run per case, not per request").isEqualTo(3);
            assertThat(retrieval.medianDays()).isCloseTo(21.0, within(1e-9));
            assertThat(retrieval.p90Days()).isCloseTo(26.6, within(1e-9));
        });
        assertThat(phase(result, CasePhase.DEMAND_SUPPORT).medianDays()).isCloseTo(1.0, within(1e-9));
        assertThat(result.phases()).extracting(PhaseCycleTime::phase).containsExactly("INTAKE", "AUTHORIZATION",
                "RETRIEVAL", "INDEXING", "CLINICAL_REVIEW", "DEMAND_SUPPORT");
    }

    @Test
    void periodCountsRunsByTheDayTheyFinished() {
        walkThreeCases();

        // RF-1's retrieval ends on 2026-03-19, RF-2's on 2026-04-04, RF-3's on 2026-04-20
        CycleTimes march = cycleTimes.cycleTimes(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 1);

        assertThat(phase(march, CasePhase.RETRIEVAL).finished()).isEqualTo(1);
        assertThat(phase(march, CasePhase.RETRIEVAL).medianDays()).isCloseTo(14.0, within(1e-9));
    }

    @Test
    void weeklyTrendGivesTheMedianOfTheRunsFinishedEachWeekAndGapsForEmptyWeeks() {
        walkThreeCases();

        CycleTimes result = cycleTimes.cycleTimes(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 29), 5);

        List<WeeklyCycleTime> intake = result.weekly().stream().filter(w -> w.phase().equals("INTAKE")).toList();
        assertThat(intake).extracting(WeeklyCycleTime::weekStarting).containsExactly(LocalDate.of(2026, 2, 23),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 23));
        assertThat(intake).extracting(WeeklyCycleTime::medianDays).containsExactly(null, 2.0, 4.0, 6.0, null);
        assertThat(intake).extracting(WeeklyCycleTime::finished).containsExactly(0, 1, 1, 1, 0);
    }

    @Test
    void runsBehindAPhaseListEachCaseLongestFirst() {
        walkThreeCases();

        List<PhaseRun> runs = cycleTimes.runs(CasePhase.RETRIEVAL, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31));

        assertThat(runs).extracting(PhaseRun::caseReference).containsExactly("RF-3", "RF-2", "RF-1");
        assertThat(runs).extracting(PhaseRun::caseId).containsExactly(3L, 2L, 1L);
        assertThat(runs.get(0).days()).isCloseTo(28.0, within(1e-9));
        assertThat(runs.get(0).started().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 23));
    }

    /**
     * RF-1 from Mon 2026-03-02: intake 2 days, retrieval 10 + 4 = 14 days. RF-2 from 2026-03-09: intake 4,
     * retrieval 21. RF-3 from 2026-03-16: intake 6, retrieval 28. Other phases 1 day each. RF-4's intake is
     * cancelled after 30 days.
     */
    private void walkThreeCases() {
        walkCase("RF-1", "2026-03-02T09:00:00Z", 2, 10, 4);
        walkCase("RF-2", "2026-03-09T09:00:00Z", 4, 7, 14);
        walkCase("RF-3", "2026-03-16T09:00:00Z", 6, 28, 0);
        ProcessInstance stopped = startCase("RF-4", "2026-03-20T09:00:00Z");
        advanceDays(30);
        runtime.deleteProcessInstance(stopped.getId(), "case withdrawn");
    }

    private void walkCase(String reference, String start, int intakeDays, int firstRequestDays, int secondRequestDays) {
        ProcessInstance lifecycle = startCase(reference, start);
        completePhase(lifecycle, Phases.INTAKE_KEY, intakeDays);
        completePhase(lifecycle, Phases.AUTHORIZATION_KEY, 1);
        List<ProcessInstance> requests = runtime.createProcessInstanceQuery().processDefinitionKey(Phases.RECORD_REQUEST_KEY)
                .superProcessInstanceId(lifecycle.getId()).list();
        assertThat(requests).hasSize(2);
        advanceDays(firstRequestDays);
        tasks.complete(taskOf(requests.get(0)).getId());
        advanceDays(secondRequestDays);
        tasks.complete(taskOf(requests.get(1)).getId());
        completePhase(lifecycle, Phases.INDEXING_KEY, 1);
        completePhase(lifecycle, Phases.CLINICAL_REVIEW_KEY, 1);
        completePhase(lifecycle, Phases.DEMAND_SUPPORT_KEY, 1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(lifecycle.getId()).count()).isZero();
    }

    private ProcessInstance startCase(String reference, String start) {
        now = Instant.parse(start);
        ClockUtil.setCurrentTime(Date.from(now));
        return runtime.startProcessInstanceByKey(CaseLifecycleProcess.KEY, Map.of("reference", reference));
    }

    private void completePhase(ProcessInstance lifecycle, String phaseKey, int days) {
        ProcessInstance phase = runtime.createProcessInstanceQuery().processDefinitionKey(phaseKey)
                .superProcessInstanceId(lifecycle.getId()).singleResult();
        advanceDays(days);
        tasks.complete(taskOf(phase).getId());
    }

    private Task taskOf(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private void advanceDays(int days) {
        now = now.plus(Duration.ofDays(days));
        ClockUtil.setCurrentTime(Date.from(now));
    }

    private static PhaseCycleTime phase(CycleTimes result, CasePhase phase) {
        return result.phases().stream().filter(p -> p.phase().equals(phase.name())).findFirst().orElseThrow();
    }
}
