package org.recordflow.authorization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AuthorizationRepository {

    private static final String SELECT = """
            select id, case_id, scope, status, state_code, signer_role, signed_by, representative_authority, signed_on,
                   expires_on, revoked_on
            from hipaa_authorization
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuthorizationRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insertDraft(long caseId, AuthorizationScope scope, String stateCode, String recordedBy) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into hipaa_authorization (case_id, scope, status, state_code, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, scope.name(), AuthorizationStatus.DRAFT.name(), stateCode, recordedBy, OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void sign(long id, Signature signature, String recordedBy) {
        jdbc.sql("""
                update hipaa_authorization set status = ?, signer_role = ?, signed_by = ?, representative_authority = ?,
                       signed_on = ?, expires_on = ?, signature_method = 'WET_INK', recorded_by = ?, recorded_at = ?
                where id = ?
                """)
                .params(AuthorizationStatus.ACTIVE.name(), signature.signerRole().name(), signature.signerName(),
                        signature.representativeAuthority(), signature.signedOn(), signature.expiresOn(), recordedBy,
                        OffsetDateTime.now(clock), id)
                .update();
    }

    int changeStatus(long id, AuthorizationStatus from, AuthorizationStatus to) {
        return jdbc.sql("update hipaa_authorization set status = ? where id = ? and status = ?")
                .params(to.name(), id, from.name()).update();
    }

    void revoke(long id, LocalDate revokedOn) {
        jdbc.sql("update hipaa_authorization set status = ?, revoked_on = ? where id = ?")
                .params(AuthorizationStatus.REVOKED.name(), revokedOn, id).update();
    }

    Optional<HipaaAuthorization> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(AuthorizationRepository::map).optional();
    }

    List<HipaaAuthorization> forCase(long caseId) {
        return jdbc.sql(SELECT + " where case_id = ? order by id").param(caseId).query(AuthorizationRepository::map).list();
    }

    private static HipaaAuthorization map(ResultSet rs, int n) throws SQLException {
        String role = rs.getString("signer_role");
        return new HipaaAuthorization(rs.getLong("id"), rs.getLong("case_id"),
                AuthorizationScope.valueOf(rs.getString("scope")), AuthorizationStatus.valueOf(rs.getString("status")),
                rs.getString("state_code"), role == null ? null : SignerRole.valueOf(role), rs.getString("signed_by"),
                rs.getString("representative_authority"), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), rs.getObject("revoked_on", LocalDate.class));
    }
}
