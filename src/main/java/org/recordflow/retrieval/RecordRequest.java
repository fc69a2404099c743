package org.recordflow.retrieval;

import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.SendChannel;

import java.time.LocalDate;

public record RecordRequest(long id, long caseId, long holderId, String holderName, RecordType recordType,
                            LegalBasis legalBasis, RequestStatus status, SendChannel channel, LocalDate sentOn,
                            LocalDate providerReceivedOn, LocalDate producedOn, ProductionOutcome productionOutcome,
                            String processInstanceId) {
}
