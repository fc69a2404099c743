package org.recordflow.retrieval;

/** What starts a deadline's clock (a column of {@code request-deadline.dmn}). */
public enum ClockStart {
    /** The provider's receipt of the request. */
    RECEIPT,
    /** The later of the provider's receipt of the request and of the fee (Texas: HSC 241.154, 22 TAC 165.2). */
    RECEIPT_AND_PAYMENT
}
