package org.recordflow.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Used by case-lifecycle's execution listeners, e.g.
 * {@code ${casePhases.enter(execution, 'RETRIEVAL')}}, to keep the case row's phase in step.
 */
@Component("casePhases")
public class CasePhases {

    private final CaseFileService cases;

    CasePhases(CaseFileService cases) {
        this.cases = cases;
    }

    public void enter(DelegateExecution execution, String phase) {
        cases.enterPhase(ProcessVariables.id(execution, CaseVariables.CASE_ID), CasePhase.valueOf(phase));
    }
}
