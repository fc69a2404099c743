package org.recordflow.demand;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.CurrentUser;
import org.recordflow.platform.InvalidInputException;
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
                amount(ProcessVariables.text(execution, "specialsTotal")),
                ProcessVariables.text(execution, "demandNotes"),
                CurrentUser.of(execution));
        execution.setVariable("demandPackageId", id);
    }

    private static BigDecimal amount(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(",", "").replace("$", "").strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Total medical specials '" + value + "' is not an amount");
        }
    }
}
