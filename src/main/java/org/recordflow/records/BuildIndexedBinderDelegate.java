package org.recordflow.records;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** indexing.bpmn: the binder is current before the quality check; the check's form shows its size. */
@Component("buildIndexedBinder")
class BuildIndexedBinderDelegate implements JavaDelegate {

    static final String BINDER_PAGE_COUNT = "binderPageCount";
    static final String ENCOUNTER_COUNT = "encounterCount";

    private final BinderService binders;

    BuildIndexedBinderDelegate(BinderService binders) {
        this.binders = binders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var binder = binders.current(ProcessVariables.id(execution, CaseVariables.CASE_ID));
        execution.setVariable(BINDER_PAGE_COUNT, binder.map(BinderService.Binder::pageCount).orElse(0));
        execution.setVariable(ENCOUNTER_COUNT, binder.map(BinderService.Binder::encounterCount).orElse(0));
    }
}
