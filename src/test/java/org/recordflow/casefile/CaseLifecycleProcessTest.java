package org.recordflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.ProcessEngineTests;

/**
 * Walks a case through every phase on the engine alone: the BPMN wiring (call activities, variable
 * mappings, multi-instance retrieval, loops back on a failed quality check and on requested
 * changes), with the delegates replaced by recording doubles.
 */
@Deployment(resources = {
        "processes/case-lifecycle.bpmn", "processes/intake.bpmn", "processes/authorization.bpmn",
        "processes/record-request.bpmn", "processes/indexing.bpmn", "processes/clinical-review.bpmn",
        "processes/demand-support.bpmn", "processes/request-deadline.dmn"})
class CaseLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;

    private final List<String> phasesEntered = new ArrayList<>();
    private final List<String> delegatesCalled = new ArrayList<>();

    /** Stands in for the casePhases bean called from the lifecycle's execution listeners. */
    private final RecordingCasePhases casePhases = new RecordingCasePhases();

    public class RecordingCasePhases extends PhaseEntryStandIn {
        @Override
        public void enter(DelegateExecution execution, String phase) {
            phasesEntered.add(phase);
        }
    }

    /** Stands in for recordRequestService: the case has three record requests. */
    public static class ThreeRequests {
        public List<Long> idsForCase(Long caseId) {
            return List.of(11L, 12L, 13L);
        }
    }

    @BeforeEach
    void registerDoubles() {
        init(processEngine);
        Mocks.register("casePhases", casePhases);
        Mocks.register("recordRequestService", new ThreeRequests());
        Mocks.register("openCase", recording("openCase", execution -> {
            execution.setVariable("caseId", 7L);
            execution.setVariable("caseReference", "RF-00007");
            execution.setProcessBusinessKey("RF-00007");
        }));
        Mocks.register("prepareAuthorizations", recording("prepareAuthorizations",
                execution -> execution.setVariable("authorizationNeeded", true)));
        Mocks.register("prepareRecordRequest", recording("prepareRecordRequest", execution -> {
            execution.setVariable("channel", "FAX");
            DeadlineRuleStandIn.setFacts(execution);
        }));
        Mocks.register("applyDeadlineRule", new DeadlineRuleStandIn());
        Mocks.register("startDeadlineClock", recording("startDeadlineClock", execution -> {
            execution.setVariable("deadlineAt", Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
            execution.setVariable("followUpCycle", "R/P14D");
        }));
        Mocks.register("recordProviderResponse", recording("recordProviderResponse", execution -> {
            execution.setVariable("responseRoute", "PRODUCTION");
            execution.setVariable("productionOutcome", "COMPLETE");
        }));
        for (String name : List.of("createRecordRequests", "recordSignedAuthorization", "startAuthorizationWatch",
                "checkAuthorization", "prepareRequestLetter", "recordRequestSent", "recordClinicalReview",
                "decideDemandPackage", "buildIndexedBinder")) {
            Mocks.register(name, recording(name, execution -> { }));
        }
        Mocks.register("recordQualityCheck", recording("recordQualityCheck",
                execution -> execution.setVariable("qualityCheckPassed", execution.getVariable("pagesLegible"))));
        Mocks.register("submitDemandPackage", recording("submitDemandPackage",
                execution -> execution.setVariable("demandPackageId", 3L)));
    }

    @AfterEach
    void resetDoubles() {
        Mocks.reset();
    }

    @Test
    void caseWalksFromIntakeToDemandReady() {
        ProcessInstance lifecycle = processEngine.getRuntimeService().startProcessInstanceByKey(
                CaseLifecycleProcess.KEY, Map.of("clientName", "Test Client", "paralegalGroup", "paralegals"));

        BpmnAwareTests.assertThat(lifecycle).hasPassed(CaseLifecycleProcess.OPEN_CASE).isWaitingAt(CaseLifecycleProcess.INTAKE);
        ProcessInstance intake = calledInstance(lifecycle, Phases.INTAKE_KEY);
        BpmnAwareTests.assertThat(intake).hasBusinessKey("RF-00007").variables()
                .containsEntry("caseId", 7L).containsEntry("paralegalGroup", "paralegals");
        BpmnAwareTests.assertThat(task(intake)).hasDefinitionKey(Phases.CONFIRM_RECORD_HOLDERS).hasCandidateGroup("paralegals");
        complete(task(intake), withVariables("holdersConfirmed", true));

        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.AUTHORIZATION);
        ProcessInstance authorization = calledInstance(lifecycle, Phases.AUTHORIZATION_KEY);
        BpmnAwareTests.assertThat(task(authorization)).hasDefinitionKey(Phases.COLLECT_SIGNED_AUTHORIZATION);
        complete(task(authorization));

        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.RETRIEVAL);
        List<ProcessInstance> requests = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(Phases.RECORD_REQUEST_KEY).superProcessInstanceId(lifecycle.getId()).list();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(r -> processEngine.getRuntimeService().getVariable(r.getId(), "recordRequestId"))
                .containsExactlyInAnyOrder(11L, 12L, 13L);
        for (ProcessInstance request : requests) {
            BpmnAwareTests.assertThat(task(request)).hasDefinitionKey(Phases.SEND_RECORD_REQUEST);
            complete(task(request));
            BpmnAwareTests.assertThat(task(request)).hasDefinitionKey(Phases.RECORD_PROVIDER_RESPONSE);
            complete(task(request));
            BpmnAwareTests.assertThat(request).isEnded();
        }

        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.INDEXING);
        ProcessInstance indexing = calledInstance(lifecycle, Phases.INDEXING_KEY);
        execute(job(indexing));
        complete(task(indexing), withVariables("pagesLegible", false, "qualityNotes", "page 12 unreadable"));
        BpmnAwareTests.assertThat(task(indexing)).hasDefinitionKey(Phases.RESOLVE_QUALITY_ISSUES);
        complete(task(indexing));
        BpmnAwareTests.assertThat(task(indexing)).hasDefinitionKey(Phases.CHECK_RECORD_QUALITY);
        complete(task(indexing), withVariables("pagesLegible", true));

        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.CLINICAL_REVIEW);
        ProcessInstance review = calledInstance(lifecycle, Phases.CLINICAL_REVIEW_KEY);
        BpmnAwareTests.assertThat(task(review)).hasDefinitionKey(Phases.REVIEW_CHRONOLOGY).hasCandidateGroup("reviewers");
        complete(task(review));

        BpmnAwareTests.assertThat(lifecycle).isWaitingAt(CaseLifecycleProcess.DEMAND_SUPPORT);
        ProcessInstance demand = calledInstance(lifecycle, Phases.DEMAND_SUPPORT_KEY);
        complete(task(demand));
        Task approval = task(demand);
        BpmnAwareTests.assertThat(approval).hasDefinitionKey(Phases.APPROVE_DEMAND_PACKAGE).hasCandidateGroup("attorneys");
        complete(approval, withVariables("demandApproved", false, "decisionNotes", "add the PT bills"));
        BpmnAwareTests.assertThat(task(demand)).hasDefinitionKey(Phases.PREPARE_DEMAND_PACKAGE);
        complete(task(demand));
        complete(task(demand), withVariables("demandApproved", true));

        BpmnAwareTests.assertThat(lifecycle).isEnded().hasPassed(CaseLifecycleProcess.DEMAND_READY);
        assertThat(phasesEntered).containsSubsequence("INTAKE", "AUTHORIZATION", "RETRIEVAL", "INDEXING",
                "CLINICAL_REVIEW", "DEMAND_SUPPORT", "DEMAND_READY");
        assertThat(casePhases.verified).as("each phase process checks its case on entry").containsSubsequence(
                "intake in INTAKE", "authorization in AUTHORIZATION", "record-request in RETRIEVAL..DEMAND_SUPPORT",
                "indexing in INDEXING", "clinical-review in CLINICAL_REVIEW", "demand-support in DEMAND_SUPPORT");
        assertThat(delegatesCalled).containsSubsequence("openCase", "createRecordRequests", "prepareAuthorizations",
                "recordSignedAuthorization", "startAuthorizationWatch", "prepareRecordRequest", "checkAuthorization",
                "prepareRequestLetter", "recordRequestSent", "startDeadlineClock", "recordProviderResponse", "recordQualityCheck",
                "recordQualityCheck", "recordClinicalReview", "submitDemandPackage", "decideDemandPackage",
                "submitDemandPackage", "decideDemandPackage");
        assertThat(delegatesCalled).filteredOn("prepareRecordRequest"::equals).hasSize(3);
    }

    private ProcessInstance calledInstance(ProcessInstance parent, String key) {
        return processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(key).superProcessInstanceId(parent.getId()).singleResult();
    }

    private JavaDelegate recording(String name, JavaDelegate behaviour) {
        return execution -> {
            delegatesCalled.add(name);
            behaviour.execute(execution);
        };
    }
}
