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
        List<HolderEntry> recordHolders,
        /* Cal. Evid. Code 1158 applies only before an action is filed or, once filed, until a defendant appears */
        boolean actionFiled,
        boolean defendantAppeared,
        SubpoenaAssurance subpoenaAssurance) {

    /** A pre-litigation case without a subpoena: no action filed, no defendant appeared. */
    public CaseOpening(String clientName, LocalDate clientDateOfBirth, LocalDate incidentDate, CaseType caseType,
                       String stateCode, String paralegalGroup, LegalBasis legalBasis, LocalDate subpoenaReturnDate,
                       LocalDate recordsFrom, boolean psychotherapyNotes, boolean substanceUseRecords,
                       List<HolderEntry> recordHolders) {
        this(clientName, clientDateOfBirth, incidentDate, caseType, stateCode, paralegalGroup, legalBasis, subpoenaReturnDate,
                recordsFrom, psychotherapyNotes, substanceUseRecords, recordHolders, false, false, null);
    }

    /**
     * One record holder as entered at intake: who, how it releases records, how to reach it, what to
     * ask, and its state, whose law sets the deadline (blank: the case's state).
     */
    public record HolderEntry(String name, HolderType holderType, ReleaseRoute releasedVia, SendChannel channel,
                              Set<RecordType> recordTypes, String department, String email, String fax,
                              String address, String stateCode) {

        /** A holder in the case's state. */
        public HolderEntry(String name, HolderType holderType, ReleaseRoute releasedVia, SendChannel channel,
                           Set<RecordType> recordTypes, String department, String email, String fax, String address) {
            this(name, holderType, releasedVia, channel, recordTypes, department, email, fax, address, null);
        }
    }
}
