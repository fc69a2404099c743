package org.recordflow.casefile;

import java.time.LocalDate;
import java.util.List;

/** What the intake start form captures to open a case. */
public record CaseOpening(
        String clientName,
        LocalDate clientDateOfBirth,
        LocalDate incidentDate,
        CaseType caseType,
        String stateCode,
        String paralegalGroup,
        List<HolderEntry> recordHolders) {

    /** One record holder as entered at intake. */
    public record HolderEntry(String name, HolderType holderType, String department, String email,
                              String fax, String address) {
    }
}
