package org.recordflow.retrieval;

import java.time.LocalDate;

public record RecordRequest(long id, long caseId, long holderId, String holderName, RecordType recordType,
                            LegalBasis legalBasis, RequestStatus status, SendChannel channel, LocalDate sentOn,
                            LocalDate providerReceivedOn, LocalDate producedOn, ProductionOutcome productionOutcome,
                            String processInstanceId) {
}
