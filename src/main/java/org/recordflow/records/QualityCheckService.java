package org.recordflow.records;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.recordflow.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The indexing phase's quality check: a case moves to clinical review only when every item passes. */
@Service
public class QualityCheckService {

    private final JdbcClient jdbc;
    private final Clock clock;

    QualityCheckService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Checklist(boolean pagesLegible, boolean datesPresent, boolean patientMatches,
                            boolean paginationComplete, String notes) {

        public boolean passed() {
            return pagesLegible && datesPresent && patientMatches && paginationComplete;
        }
    }

    /** Records the check; a failed item must be explained so the follow-up task says what to fix. */
    @Transactional
    public boolean record(long caseId, Checklist checklist, String checkedBy) {
        new Problems()
                .require(checklist.passed() || checklist.notes() != null,
                        "Describe what failed the quality check in the notes")
                .throwIfAny();
        jdbc.sql("""
                insert into quality_check (case_id, pages_legible, dates_present, patient_matches, pagination_complete,
                                           passed, notes, checked_by, checked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, checklist.pagesLegible(), checklist.datesPresent(), checklist.patientMatches(),
                        checklist.paginationComplete(), checklist.passed(), checklist.notes(), checkedBy,
                        OffsetDateTime.now(clock))
                .update();
        return checklist.passed();
    }
}
