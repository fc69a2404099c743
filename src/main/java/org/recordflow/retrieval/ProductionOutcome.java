package org.recordflow.retrieval;

public enum ProductionOutcome {
    COMPLETE(RequestStatus.RECEIVED_COMPLETE),
    PARTIAL(RequestStatus.RECEIVED_PARTIAL),
    NONE(RequestStatus.NO_RECORDS);

    private final RequestStatus status;

    ProductionOutcome(RequestStatus status) {
        this.status = status;
    }

    RequestStatus status() {
        return status;
    }
}
