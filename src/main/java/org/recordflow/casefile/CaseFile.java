package org.recordflow.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record CaseFile(long id, String reference, String clientName, LocalDate clientDateOfBirth,
                       CaseType caseType, String stateCode, LocalDate incidentDate, String paralegalGroup,
                       CasePhase phase, String openedBy, OffsetDateTime openedAt, String processInstanceId) {
}
