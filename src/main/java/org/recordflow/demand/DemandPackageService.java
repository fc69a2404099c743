package org.recordflow.demand;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;

import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The demand package: prepared by the paralegal, approved by an attorney. */
@Service
public class DemandPackageService {

    public enum Status { SUBMITTED, APPROVED, CHANGES_REQUESTED }

    private final JdbcClient jdbc;
    private final Clock clock;

    DemandPackageService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public long submit(long caseId, BigDecimal specialsTotal, String notes, String preparedBy) {
        new Problems()
                .require(specialsTotal != null, "Total medical specials is required")
                .require(specialsTotal == null || specialsTotal.signum() >= 0, "Total medical specials cannot be negative")
                .throwIfAny();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into demand_package (case_id, status, specials_total, notes, prepared_by, prepared_at)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, Status.SUBMITTED.name(), specialsTotal, notes, preparedBy, OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    @Transactional
    public void decide(long packageId, boolean approved, String decisionNotes, String decidedBy) {
        new Problems()
                .require(approved || decisionNotes != null, "Say what must change before the demand can be approved")
                .throwIfAny();
        int updated = jdbc.sql("""
                update demand_package set status = ?, decided_by = ?, decided_at = ?, decision_notes = ?
                where id = ? and status = ?
                """)
                .params((approved ? Status.APPROVED : Status.CHANGES_REQUESTED).name(), decidedBy,
                        OffsetDateTime.now(clock), decisionNotes, packageId, Status.SUBMITTED.name())
                .update();
        if (updated == 0) {
            throw new InvalidInputException("Demand package " + packageId + " is not awaiting a decision");
        }
    }
}
