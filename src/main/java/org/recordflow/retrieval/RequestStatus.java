package org.recordflow.retrieval;

public enum RequestStatus {
    TO_SEND,
    SENT,
    RECEIVED_COMPLETE,
    RECEIVED_PARTIAL,
    NO_RECORDS,
    REFUSED
}
