package org.recordflow.retrieval;

import java.time.LocalDate;

import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.SendChannel;

public record RecordRequest(long id, long caseId, long holderId, String holderName, RecordType recordType,
                            LegalBasis legalBasis, String department, DeadlineRule deadlineRule, RequestStatus status,
                            SendChannel channel, LocalDate sentOn, LocalDate providerReceivedOn, LocalDate dueOn,
                            LocalDate extendedDueOn, LocalDate producedOn, ProductionOutcome productionOutcome,
                            String processInstanceId) {

    /** The deadline in force: the extended one once an extension was recorded. */
    public LocalDate effectiveDueOn() {
        return extendedDueOn != null ? extendedDueOn : dueOn;
    }
}
