package org.recordflow.retrieval;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Links the request row to its process instance, names the holder and channel for Tasklist and
 * gateways, and sets the facts the next task, the deadline table, decides on.
 */
@Component("prepareRecordRequest")
class PrepareRecordRequestDelegate implements JavaDelegate {

    private final RecordRequestService requests;
    private final CaseFileService cases;

    PrepareRecordRequestDelegate(RecordRequestService requests, CaseFileService cases) {
        this.requests = requests;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = ProcessVariables.id(execution, RecordRequestVariables.RECORD_REQUEST_ID);
        RecordRequest request = requests.attachProcess(requestId, execution.getProcessInstanceId());
        execution.setVariable(RecordRequestVariables.HOLDER_NAME, request.holderName());
        execution.setVariable(RecordRequestVariables.RECORD_TYPE, request.recordType().label());
        execution.setVariable(RecordRequestVariables.CHANNEL, cases.holder(request.caseId(), request.holderId()).channel().name());
        execution.setVariables(requests.deadlineFacts(requestId).variables());
    }
}
