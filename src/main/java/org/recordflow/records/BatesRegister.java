package org.recordflow.records;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.recordflow.casefile.CaseFileService;
import org.recordflow.platform.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bates numbers of each case: one sequence per case across all its packets, handed out under a row
 * lock in the transaction that stores the pages, so a rolled-back upload leaves no gap and a late
 * packet continues where the last one stopped. Numbers once given never change.
 */
@Component
public class BatesRegister {

    static final int MAX_PREFIX_LENGTH = 20;

    private final JdbcClient jdbc;
    private final CaseFileService cases;
    private final Clock clock;
    private final int defaultDigits;

    BatesRegister(JdbcClient jdbc, CaseFileService cases, Clock clock,
                  @Value("${recordflow.records.bates.digits:6}") int defaultDigits) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.defaultDigits = defaultDigits;
    }

    public record Numbering(long caseId, String prefix, int digits, long nextNumber) {

        public String label(long number) {
            return prefix + String.format("%0" + digits + "d", number);
        }
    }

    /** The case's numbering; the default prefix comes from the case reference (RF-00007 gives RF00007-). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Numbering numbering(long caseId) {
        return find(caseId).orElseGet(() -> new Numbering(caseId, defaultPrefix(caseId), defaultDigits, 1));
    }

    /** Sets the prefix and width while no page of the case has a number yet. */
    @Transactional
    public Numbering configure(long caseId, String prefix, Integer digits) {
        Numbering current = lockedOrCreated(caseId);
        var problems = new Problems();
        problems.require(current.nextNumber() == 1, "Bates numbers of this case were already given (next is "
                + current.label(current.nextNumber()) + "); the prefix can no longer change");
        problems.require(prefix != null && prefix.matches("[A-Za-z0-9_.-]{1," + MAX_PREFIX_LENGTH + "}"),
                "Bates prefix '" + prefix + "' must be 1 to " + MAX_PREFIX_LENGTH
                        + " letters, digits, '-', '_' or '.'");
        int width = digits == null ? current.digits() : digits;
        problems.require(width >= 4 && width <= 10, "Bates digits must be between 4 and 10, not " + width);
        problems.throwIfAny();
        jdbc.sql("update case_bates set prefix = ?, digits = ?, updated_at = ? where case_id = ?")
                .params(prefix, width, OffsetDateTime.now(clock), caseId).update();
        return numbering(caseId);
    }

    /** Reserves {@code count} numbers; must run inside the transaction that stores the pages. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Numbering reserve(long caseId, int count) {
        Numbering current = lockedOrCreated(caseId);
        jdbc.sql("update case_bates set next_number = ?, updated_at = ? where case_id = ?")
                .params(current.nextNumber() + count, OffsetDateTime.now(clock), caseId).update();
        return current;
    }

    private Numbering lockedOrCreated(long caseId) {
        Optional<Numbering> locked = lock(caseId);
        if (locked.isPresent()) {
            return locked.get();
        }
        // First packet of the case: the case row serialises the creation of its numbering
        cases.get(caseId);
        jdbc.sql("select id from case_file where id = ? for update").param(caseId).query(Long.class).single();
        if (lock(caseId).isEmpty()) {
            jdbc.sql("insert into case_bates (case_id, prefix, digits, next_number, updated_at) values (?, ?, ?, 1, ?)")
                    .params(caseId, defaultPrefix(caseId), defaultDigits, OffsetDateTime.now(clock)).update();
        }
        return lock(caseId).orElseThrow();
    }

    private Optional<Numbering> lock(long caseId) {
        return jdbc.sql("select case_id, prefix, digits, next_number from case_bates where case_id = ? for update")
                .param(caseId)
                .query((rs, n) -> new Numbering(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .optional();
    }

    private Optional<Numbering> find(long caseId) {
        return jdbc.sql("select case_id, prefix, digits, next_number from case_bates where case_id = ?")
                .param(caseId)
                .query((rs, n) -> new Numbering(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .optional();
    }

    private String defaultPrefix(long caseId) {
        String reference = cases.get(caseId).reference();
        return (reference == null ? "C" + caseId : reference.replace("-", "")) + "-";
    }
}
