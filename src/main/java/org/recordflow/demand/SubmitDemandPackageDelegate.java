package org.recordflow.demand;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.CurrentUser;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

@Component("submitDemandPackage")
class SubmitDemandPackageDelegate implements JavaDelegate {

    private final DemandPackageService demands;

    SubmitDemandPackageDelegate(DemandPackageService demands) {
        this.demands = demands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = demands.submit(ProcessVariables.id(execution, CaseVariables.CASE_ID),
                ProcessVariables.amount(execution, "specialsTotal", "Total medical specials"),
                ProcessVariables.text(execution, "demandNotes"),
                CurrentUser.of(execution));
        execution.setVariable("demandPackageId", id);
    }
}
