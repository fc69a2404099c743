package org.recordflow.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Used by case-lifecycle's execution listeners, e.g.
 * {@code ${casePhases.enter(execution, 'RETRIEVAL')}}, to keep the case row's phase in step, and by
 * each phase process's start listener, e.g. {@code ${casePhases.verifyEntry(execution, 'INDEXING')}},
 * so that no phase runs for a case that is not in it or for another team's case.
 */
@Component("casePhases")
public class CasePhases {

    private final CaseFileService cases;

    CasePhases(CaseFileService cases) {
        this.cases = cases;
    }

    public void enter(DelegateExecution execution, String phase) {
        cases.enterPhase(caseId(execution), CasePhase.valueOf(phase), group(execution));
    }

    /** The case is in exactly this phase. */
    public void verifyEntry(DelegateExecution execution, String phase) {
        verifyEntry(execution, phase, phase);
    }

    /** The case is in one of these phases (a record request may be opened again during indexing). */
    public void verifyEntry(DelegateExecution execution, String earliest, String latest) {
        cases.verifyEntry(caseId(execution), group(execution), CasePhase.valueOf(earliest), CasePhase.valueOf(latest));
    }

    private static long caseId(DelegateExecution execution) {
        return ProcessVariables.id(execution, CaseVariables.CASE_ID);
    }

    private static String group(DelegateExecution execution) {
        return ProcessVariables.text(execution, CaseVariables.PARALEGAL_GROUP);
    }
}
