package org.recordflow.demand;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.platform.CurrentUser;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

@Component("decideDemandPackage")
class DecideDemandPackageDelegate implements JavaDelegate {

    private final DemandPackageService demands;

    DecideDemandPackageDelegate(DemandPackageService demands) {
        this.demands = demands;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = ProcessVariables.flag(execution, "demandApproved");
        demands.decide(ProcessVariables.id(execution, "demandPackageId"), approved,
                ProcessVariables.text(execution, "decisionNotes"), CurrentUser.of(execution));
    }
}
