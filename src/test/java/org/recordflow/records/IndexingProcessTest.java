package org.recordflow.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.recordflow.support.PhaseEntryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.support.ProcessEngineTests;

/** indexing.bpmn on the engine alone: the binder is brought up to date before the quality check. */
@Deployment(resources = "processes/indexing.bpmn")
class IndexingProcessTest {

    final PhaseEntryStandIn phases = new PhaseEntryStandIn();

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;
    final List<Object> bindersBuiltForCase = new ArrayList<>();

    @BeforeEach
    void registerDoubles() {
        init(processEngine);
        Mocks.register("casePhases", phases);
        Mocks.register("buildIndexedBinder", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            bindersBuiltForCase.add(execution.getVariable("caseId"));
            execution.setVariable(BuildIndexedBinderDelegate.BINDER_PAGE_COUNT, 42);
            execution.setVariable(BuildIndexedBinderDelegate.ENCOUNTER_COUNT, 7);
        });
        Mocks.register("recordQualityCheck", (org.camunda.bpm.engine.delegate.JavaDelegate) execution ->
                execution.setVariable("qualityCheckPassed", execution.getVariable("pagesLegible")));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void binderIsBuiltOnceBeforeTheQualityCheckWhichLoopsUntilItPasses() {
        ProcessInstance indexing = processEngine.getRuntimeService().startProcessInstanceByKey("indexing",
                Map.of("caseId", 7L, "paralegalGroup", "paralegals"));

        BpmnAwareTests.assertThat(indexing).as("the binder is built by a job of its own, after the upload commits")
                .isWaitingAt("Task_BuildIndexedBinder");
        assertThat(bindersBuiltForCase).isEmpty();
        execute(job(indexing));
        BpmnAwareTests.assertThat(indexing).hasPassed("Task_BuildIndexedBinder").isWaitingAt("Task_CheckRecordQuality")
                .variables().containsEntry("binderPageCount", 42).containsEntry("encounterCount", 7);
        BpmnAwareTests.assertThat(task(indexing)).hasCandidateGroup("paralegals");
        complete(task(indexing), withVariables("pagesLegible", false, "qualityNotes", "page 3 unreadable"));
        BpmnAwareTests.assertThat(indexing).isWaitingAt("Task_ResolveQualityIssues");
        complete(task(indexing));
        complete(task(indexing), withVariables("pagesLegible", true));

        BpmnAwareTests.assertThat(indexing).isEnded().hasPassed("EndEvent_RecordsIndexed");
        assertThat(bindersBuiltForCase).containsExactly(7L);
    }
}
