package org.recordflow.retrieval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

@Component("createRecordRequests")
class CreateRecordRequestsDelegate implements JavaDelegate {

    private final RecordRequestService requests;

    CreateRecordRequestsDelegate(RecordRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int created = requests.createForCase(ProcessVariables.id(execution, CaseVariables.CASE_ID)).size();
        execution.setVariable("recordRequestCount", created);
    }
}
