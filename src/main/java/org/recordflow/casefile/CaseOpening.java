package org.recordflow.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** What the intake start form captures to open a case. */
public record CaseOpening(
        String clientName,
        LocalDate clientDateOfBirth,
        LocalDate incidentDate,
        CaseType caseType,
        String stateCode,
        String paralegalGroup,
        LegalBasis legalBasis,
        LocalDate subpoenaReturnDate,
        LocalDate recordsFrom,
        boolean psychotherapyNotes,
        boolean substanceUseRecords,
        List<HolderEntry> recordHolders) {

    /** One record holder as entered at intake: who, how it releases records, how to reach it, what to ask. */
    public record HolderEntry(String name, HolderType holderType, ReleaseRoute releasedVia, SendChannel channel,
                              Set<RecordType> recordTypes, String department, String email, String fax,
                              String address) {
    }
}
