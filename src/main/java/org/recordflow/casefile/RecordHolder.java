package org.recordflow.casefile;

public record RecordHolder(long id, long caseId, int position, String name, HolderType holderType,
                           String department, String email, String fax, String address) {
}
