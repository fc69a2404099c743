package org.recordflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * For engine-only tests of record-request.bpmn: the facts its business rule task "Decide deadline
 * rule" evaluates request-deadline.dmn on (a patient-access request to a California hospital), and a
 * stand-in for the {@code applyDeadlineRule} listener that records the source of the row the real
 * decision chose.
 */
public class DeadlineRuleStandIn implements ExecutionListener {

    public final List<String> appliedSources = new ArrayList<>();

    public static void setFacts(DelegateExecution execution) {
        execution.setVariables(Map.of("legalBasis", "PATIENT_ACCESS", "holderState", "CA", "holderType", "HOSPITAL",
                "requestedRecordType", "MEDICAL_RECORDS", "actionFiled", false, "defendantAppeared", false));
    }

    @Override
    public void notify(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal("decisionResult");
        appliedSources.add(result.getSingleResult().getEntry("ruleSource"));
    }
}
