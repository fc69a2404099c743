package org.recordflow.retrieval;

/** Process variables of record-request.bpmn. */
final class RecordRequestVariables {

    static final String RECORD_REQUEST_ID = "recordRequestId";
    static final String HOLDER_NAME = "holderName";
    static final String RECORD_TYPE = "recordType";
    static final String CHANNEL = "channel";
    static final String SENT_ON = "sentOn";
    static final String PROVIDER_RECEIVED_ON = "providerReceivedOn";
    static final String PRODUCTION_OUTCOME = "productionOutcome";
    static final String PRODUCED_ON = "producedOn";

    private RecordRequestVariables() {
    }
}
