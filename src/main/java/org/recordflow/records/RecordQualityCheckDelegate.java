package org.recordflow.records;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.CurrentUser;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

@Component("recordQualityCheck")
class RecordQualityCheckDelegate implements JavaDelegate {

    private final QualityCheckService qualityChecks;

    RecordQualityCheckDelegate(QualityCheckService qualityChecks) {
        this.qualityChecks = qualityChecks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var checklist = new QualityCheckService.Checklist(
                ProcessVariables.flag(execution, "pagesLegible"),
                ProcessVariables.flag(execution, "datesPresent"),
                ProcessVariables.flag(execution, "patientMatches"),
                ProcessVariables.flag(execution, "paginationComplete"),
                ProcessVariables.text(execution, "qualityNotes"));
        boolean passed = qualityChecks.record(ProcessVariables.id(execution, CaseVariables.CASE_ID), checklist,
                CurrentUser.of(execution));
        execution.setVariable("qualityCheckPassed", passed);
    }
}
