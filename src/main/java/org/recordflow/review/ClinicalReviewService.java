package org.recordflow.review;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.recordflow.platform.Problems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinical reviewer's sign-off on a case's chronology. */
@Service
public class ClinicalReviewService {

    static final int MAX_SUMMARY = 4000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ClinicalReviewService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void record(long caseId, String summary, int flagsRaised, String reviewedBy) {
        new Problems()
                .require(summary != null, "A review summary is required")
                .require(summary == null || summary.length() <= MAX_SUMMARY,
                        "The review summary is longer than " + MAX_SUMMARY + " characters")
                .require(flagsRaised >= 0, "Flags raised cannot be negative")
                .throwIfAny();
        jdbc.sql("insert into clinical_review (case_id, summary, flags_raised, reviewed_by, reviewed_at) values (?, ?, ?, ?, ?)")
                .params(caseId, summary, flagsRaised, reviewedBy, OffsetDateTime.now(clock))
                .update();
    }
}
