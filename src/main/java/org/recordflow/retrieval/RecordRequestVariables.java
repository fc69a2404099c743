package org.recordflow.retrieval;

/** Process variables of record-request.bpmn. */
final class RecordRequestVariables {

    static final String RECORD_REQUEST_ID = "recordRequestId";
    static final String HOLDER_NAME = "holderName";
    static final String RECORD_TYPE = "recordType";
    static final String CHANNEL = "channel";
    static final String SENT_ON = "sentOn";
    static final String PROVIDER_RECEIVED_ON = "providerReceivedOn";
    static final String LETTER_DOCUMENTS = "letterDocuments";
    static final String LETTER_LINKS = "letterLinks";
    static final String OUTBOUND_MAIL_ID = "outboundMailId";
    static final String MAIL_DELIVERED = "mailDelivered";
    static final String DEADLINE_AT = "deadlineAt";
    static final String DUE_ON = "dueOn";
    static final String TARGET_ON = "targetOn";
    static final String FOLLOW_UP_CYCLE = "followUpCycle";
    static final String FOLLOW_UP_KIND = "followUpKind";
    static final String ALREADY_ESCALATED = "alreadyEscalated";
    static final String ESCALATION_DRAFTS = "escalationDrafts";
    static final String RESPONSE_TYPE = "responseType";
    static final String RESPONSE_ROUTE = "responseRoute";
    static final String PRODUCTION_OUTCOME = "productionOutcome";
    static final String MISSING_RECORDS = "missingRecords";
    static final String FEE_INVOICE_ID = "feeInvoiceId";
    static final String FEE_APPROVAL = "feeApproval";
    static final String FEE_APPROVED = "feeApproved";

    private RecordRequestVariables() {
    }
}
