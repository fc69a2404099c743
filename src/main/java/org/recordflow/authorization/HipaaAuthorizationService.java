package org.recordflow.authorization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.recordflow.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** HIPAA authorizations signed by the client (45 CFR 164.508). */
@Service
public class HipaaAuthorizationService {

    private final JdbcClient jdbc;
    private final Clock clock;

    HipaaAuthorizationService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record SignedAuthorization(SignedBy signedBy, String signerName, String representativeAuthority,
                                      LocalDate signedOn, LocalDate expiresOn) {
    }

    /**
     * Records a signed general authorization; refuses one that could not lawfully be used
     * (unsigned, undated, already expired, or signed by a representative without stated authority).
     */
    @Transactional
    public long recordSigned(long caseId, SignedAuthorization signed, String recordedBy) {
        LocalDate today = LocalDate.now(clock);
        var problems = new Problems();
        problems.require(signed.signedBy() != null, "Who signed is required (the client or a representative)");
        problems.require(signed.signerName() != null, "Name of the person who signed is required");
        problems.require(signed.signedBy() != SignedBy.REPRESENTATIVE || signed.representativeAuthority() != null,
                "A representative signed: describe the representative's authority (164.508(c)(1)(vi))");
        if (signed.signedOn() == null) {
            problems.add("Signature date is required");
        } else {
            problems.require(!signed.signedOn().isAfter(today), "Signature date " + signed.signedOn() + " is in the future");
        }
        if (signed.expiresOn() == null) {
            problems.add("Expiration date is required");
        } else {
            problems.require(signed.expiresOn().isAfter(today),
                    "The authorization expired on " + signed.expiresOn() + ": have the client sign a new one");
            problems.require(signed.signedOn() == null || signed.expiresOn().isAfter(signed.signedOn()),
                    "Expiration date " + signed.expiresOn() + " is not after the signature date " + signed.signedOn());
        }
        problems.throwIfAny();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into hipaa_authorization (case_id, scope, status, signed_by, representative_authority, signed_on,
                                                 expires_on, recorded_by, recorded_at)
                values (?, ?, 'ACTIVE', ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, AuthorizationScope.GENERAL.name(), signed.signerName(), signed.representativeAuthority(),
                        signed.signedOn(), signed.expiresOn(), recordedBy, OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public int activeCount(long caseId) {
        return jdbc.sql("select count(*) from hipaa_authorization where case_id = ? and status = 'ACTIVE' and expires_on > ?")
                .params(caseId, LocalDate.now(clock)).query(Integer.class).single();
    }
}
