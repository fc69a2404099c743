package org.recordflow.authorization;

import java.time.LocalDate;

/** A wet-ink signature as the paralegal records it from the signed original. */
public record Signature(SignerRole signerRole, String signerName, String representativeAuthority, LocalDate signedOn,
                        LocalDate expiresOn) {
}
