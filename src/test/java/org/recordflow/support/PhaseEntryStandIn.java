package org.recordflow.support;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Stands in for the {@code casePhases} bean in engine-only process tests: records which phase each
 * process verified on entry (the real check is {@code CaseFileService.verifyEntry}, tested on a
 * database) and which phases the case entered.
 */
public class PhaseEntryStandIn {

    public final List<String> verified = new ArrayList<>();
    public final List<String> entered = new ArrayList<>();

    public void verifyEntry(DelegateExecution execution, String phase) {
        verified.add(execution.getProcessDefinitionId().split(":")[0] + " in " + phase);
    }

    public void verifyEntry(DelegateExecution execution, String earliest, String latest) {
        verified.add(execution.getProcessDefinitionId().split(":")[0] + " in " + earliest + ".." + latest);
    }

    public void enter(DelegateExecution execution, String phase) {
        entered.add(phase);
    }
}
