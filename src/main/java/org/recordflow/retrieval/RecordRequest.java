package org.recordflow.retrieval;

import java.time.LocalDate;

import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.SendChannel;

/**
 * A request to one holder for one record type, with its deadline rule and its two dates: the legal
 * deadline ({@code dueOn}, or {@code extendedDueOn} once the provider took its one extension) and
 * the firm's internal target ({@code targetOn}) that follow-ups work to.
 *
 * @param holderState       the holder's state, whose rule was applied
 * @param paymentReceivedOn when the holder's fee was paid (starts the clock of a rule that waits for it)
 */
public record RecordRequest(long id, long caseId, long holderId, String holderName, RecordType recordType,
                            LegalBasis legalBasis, String department, DeadlineRule deadlineRule, RequestStatus status,
                            SendChannel channel, LocalDate sentOn, LocalDate providerReceivedOn, LocalDate dueOn,
                            LocalDate extendedDueOn, LocalDate producedOn, ProductionOutcome productionOutcome,
                            String processInstanceId, String holderState, LocalDate paymentReceivedOn, LocalDate targetOn) {

    /** The deadline in force: the extended one once an extension was recorded. */
    public LocalDate effectiveDueOn() {
        return extendedDueOn != null ? extendedDueOn : dueOn;
    }

    /** Sent, but the clock waits for the fee: its rule counts from receipt of the request and payment. */
    public boolean awaitingPayment() {
        return providerReceivedOn != null && dueOn == null && deadlineRule.clockStart() == ClockStart.RECEIPT_AND_PAYMENT
                && paymentReceivedOn == null;
    }
}
