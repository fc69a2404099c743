package org.recordflow.retrieval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.platform.Enums;
import org.recordflow.platform.Problems;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

@Component("recordProductionReceived")
class RecordProductionDelegate implements JavaDelegate {

    private final RecordRequestService requests;

    RecordProductionDelegate(RecordRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var problems = new Problems();
        ProductionOutcome outcome = Enums.parse(ProductionOutcome.class,
                ProcessVariables.text(execution, RecordRequestVariables.PRODUCTION_OUTCOME), "Outcome", problems);
        var producedOn = ProcessVariables.date(execution, RecordRequestVariables.PRODUCED_ON, "Date received", problems);
        problems.throwIfAny();
        requests.recordProduction(ProcessVariables.id(execution, RecordRequestVariables.RECORD_REQUEST_ID), outcome, producedOn);
    }
}
