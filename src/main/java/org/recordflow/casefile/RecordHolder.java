package org.recordflow.casefile;

import java.util.Set;

public record RecordHolder(long id, long caseId, int position, String name, HolderType holderType,
                           ReleaseRoute releasedVia, SendChannel channel, Set<RecordType> recordTypes,
                           String department, String email, String fax, String address) {

    /** Where a request to this holder goes on its channel. */
    public String addressFor(SendChannel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case FAX -> fax;
            case MAIL, PORTAL -> address;
        };
    }
}
