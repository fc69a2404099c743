package org.recordflow.casefile;

import java.util.Set;

/** A record holder of a case; {@code stateCode} is the holder's own state, whose law sets its requests' deadlines. */
public record RecordHolder(long id, long caseId, int position, String name, HolderType holderType,
                           ReleaseRoute releasedVia, SendChannel channel, Set<RecordType> recordTypes,
                           String department, String email, String fax, String address, String stateCode) {

    /** A holder in its case's state. */
    public RecordHolder(long id, long caseId, int position, String name, HolderType holderType, ReleaseRoute releasedVia,
                        SendChannel channel, Set<RecordType> recordTypes, String department, String email, String fax,
                        String address) {
        this(id, caseId, position, name, holderType, releasedVia, channel, recordTypes, department, email, fax, address, null);
    }

    /** Where a request to this holder goes on its channel. */
    public String addressFor(SendChannel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case FAX -> fax;
            case MAIL, PORTAL -> address;
        };
    }
}
