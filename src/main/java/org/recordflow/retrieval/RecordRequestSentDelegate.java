package org.recordflow.retrieval;

import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.SendChannel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.platform.Enums;
import org.recordflow.platform.Problems;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

@Component("recordRequestSent")
class RecordRequestSentDelegate implements JavaDelegate {

    private final RecordRequestService requests;

    RecordRequestSentDelegate(RecordRequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var problems = new Problems();
        SendChannel channel = Enums.parse(SendChannel.class, ProcessVariables.text(execution, RecordRequestVariables.CHANNEL),
                "Channel", problems);
        var sentOn = ProcessVariables.date(execution, RecordRequestVariables.SENT_ON, "Date sent", problems);
        var receivedOn = ProcessVariables.date(execution, RecordRequestVariables.PROVIDER_RECEIVED_ON,
                "Date the provider received the request", problems);
        problems.throwIfAny();
        requests.markSent(ProcessVariables.id(execution, RecordRequestVariables.RECORD_REQUEST_ID), channel, sentOn, receivedOn);
    }
}
