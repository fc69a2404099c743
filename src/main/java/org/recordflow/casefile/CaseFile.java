package org.recordflow.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record CaseFile(long id, String reference, String clientName, LocalDate clientDateOfBirth,
                       CaseType caseType, String stateCode, LocalDate incidentDate, String paralegalGroup,
                       CasePhase phase, LegalBasis legalBasis, LocalDate subpoenaReturnDate, LocalDate recordsFrom,
                       boolean psychotherapyNotes, boolean substanceUseRecords, String openedBy,
                       OffsetDateTime openedAt, String processInstanceId, boolean actionFiled,
                       boolean defendantAppeared, SubpoenaAssurance subpoenaAssurance) {

    /** A pre-litigation case without a subpoena. */
    public CaseFile(long id, String reference, String clientName, LocalDate clientDateOfBirth, CaseType caseType,
                    String stateCode, LocalDate incidentDate, String paralegalGroup, CasePhase phase, LegalBasis legalBasis,
                    LocalDate subpoenaReturnDate, LocalDate recordsFrom, boolean psychotherapyNotes,
                    boolean substanceUseRecords, String openedBy, OffsetDateTime openedAt, String processInstanceId) {
        this(id, reference, clientName, clientDateOfBirth, caseType, stateCode, incidentDate, paralegalGroup, phase, legalBasis,
                subpoenaReturnDate, recordsFrom, psychotherapyNotes, substanceUseRecords, openedBy, openedAt, processInstanceId,
                false, false, null);
    }
}
