package org.recordflow.authorization;

import java.time.LocalDate;

public record HipaaAuthorization(long id, long caseId, AuthorizationScope scope, AuthorizationStatus status,
                                 String stateCode, SignerRole signerRole, String signerName,
                                 String representativeAuthority, LocalDate signedOn, LocalDate expiresOn,
                                 LocalDate revokedOn) {
}
