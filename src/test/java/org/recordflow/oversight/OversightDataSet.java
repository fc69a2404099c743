package org.recordflow.oversight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A data set with known answers, written straight into the tables oversight reads. Every name carries
 * a tag of its own, so that assertions can pick these rows out of a database other tests share.
 * "Today" is {@link #TODAY}: tests set the engine clock to it.
 * <ul>
 *   <li>Cases: one in RETRIEVAL, one in INDEXING (open), one DEMAND_READY (closed), all of paralegal group {@link #group()}.</li>
 *   <li>Mercy General: productions in 14, 21 and 30 days (one partial) in June 2026, so median 21, p90 28.2, partial 1 of 3;
 *       one of 100 days produced in January and one whose receipt date is unknown, both outside the figures.</li>
 *   <li>Bay Imaging: productions in 5 and 9 days: median 7, p90 8.6.</li>
 *   <li>Open requests: 3 overdue (due June 1; June 10, escalated on June 12; due June 1 extended to June 14),
 *       one whose extension (June 30) is in force, 2 due soon (June 15 and June 22), one due June 23 (too late
 *       for "soon"), one to send; a closed request due June 1 is not overdue; one firm-policy request asked for
 *       by June 1 is past that date but not past a legal deadline.</li>
 *   <li>Authorizations: one ACTIVE expiring June 30 (to renew), one ACTIVE expiring September 1, one EXPIRED,
 *       one ACTIVE expiring June 20 on the closed case (not counted).</li>
 * </ul>
 */
final class OversightDataSet {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final List<Long> overdueRequestIds = new ArrayList<>();
    final List<Long> dueSoonRequestIds = new ArrayList<>();
    long pastRequestedDateId;
    long escalatedRequestId;
    long retrievalCaseId;
    long indexingCaseId;
    long renewalAuthorizationId;

    private final JdbcClient jdbc;
    private int position;

    OversightDataSet(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String mercy() {
        return "Mercy General " + tag;
    }

    String bayImaging() {
        return "Bay Imaging " + tag;
    }

    String group() {
        return "ovs-" + tag;
    }

    OversightDataSet write() {
        long client = insert("insert into client (full_name, date_of_birth, created_at) values (?, ?, ?)",
                "Client " + tag, LocalDate.of(1980, 1, 1), at(JUNE_1));
        retrievalCaseId = caseFile(client, "R", "RETRIEVAL");
        indexingCaseId = caseFile(client, "I", "INDEXING");
        long closedCase = caseFile(client, "C", "DEMAND_READY");

        long mercy = holder(retrievalCaseId, mercy());
        production(retrievalCaseId, mercy, LocalDate.of(2026, 5, 20), 14, "COMPLETE");
        production(retrievalCaseId, mercy, LocalDate.of(2026, 5, 15), 21, "PARTIAL");
        production(indexingCaseId, mercy, LocalDate.of(2026, 5, 10), 30, "COMPLETE");
        production(indexingCaseId, mercy, LocalDate.of(2025, 9, 23), 100, "COMPLETE");
        long unknownReceipt = request(indexingCaseId, mercy, "RECEIVED_COMPLETE", null, null, null, null);
        jdbc.sql("update record_request set produced_on = ?, production_outcome = 'COMPLETE' where id = ?")
                .params(LocalDate.of(2026, 6, 5), unknownReceipt).update();

        long bay = holder(indexingCaseId, bayImaging());
        production(indexingCaseId, bay, LocalDate.of(2026, 6, 1), 5, "COMPLETE");
        production(indexingCaseId, bay, LocalDate.of(2026, 6, 2), 9, "COMPLETE");

        long open = holder(retrievalCaseId, "Open Holder " + tag);
        overdueRequestIds.add(request(retrievalCaseId, open, "SENT", JUNE_1, null, null, null));
        escalatedRequestId = request(retrievalCaseId, open, "SENT", LocalDate.of(2026, 6, 10), null, LocalDate.of(2026, 6, 12), null);
        overdueRequestIds.add(escalatedRequestId);
        overdueRequestIds.add(request(retrievalCaseId, open, "SENT", JUNE_1, LocalDate.of(2026, 6, 14), null, null));
        request(retrievalCaseId, open, "SENT", LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 30), null, null);
        dueSoonRequestIds.add(request(retrievalCaseId, open, "SENT", TODAY, null, null, null));
        dueSoonRequestIds.add(request(retrievalCaseId, open, "SENT", TODAY.plusDays(7), null, null, null));
        request(retrievalCaseId, open, "SENT", TODAY.plusDays(8), null, null, null);
        request(retrievalCaseId, open, "TO_SEND", null, null, null, null);
        pastRequestedDateId = request(retrievalCaseId, open, "SENT", JUNE_1, null, null, null);
        jdbc.sql("update record_request set statutory = false where id = ?").param(pastRequestedDateId).update();
        request(closedCase, holder(closedCase, "Closed Holder " + tag), "RECEIVED_COMPLETE", JUNE_1, null,
                LocalDate.of(2026, 5, 30), null);

        renewalAuthorizationId = authorization(retrievalCaseId, "ACTIVE", LocalDate.of(2026, 6, 30));
        authorization(indexingCaseId, "ACTIVE", LocalDate.of(2026, 9, 1));
        authorization(indexingCaseId, "EXPIRED", LocalDate.of(2026, 6, 20));
        authorization(closedCase, "ACTIVE", LocalDate.of(2026, 6, 20));
        return this;
    }

    /** One more overdue request in the retrieval case, to show what a refresh changes. */
    long addOverdueRequest() {
        return request(retrievalCaseId, holder(retrievalCaseId, "Late Holder " + tag), "SENT", JUNE_1, null, null, null);
    }

    private long caseFile(long client, String suffix, String phase) {
        return insert("""
                insert into case_file (reference, client_id, case_type, state_code, incident_date, paralegal_group, phase,
                                       opened_by, opened_at)
                values (?, ?, 'PERSONAL_INJURY', 'CA', ?, ?, ?, 'paula', ?)
                """, "OV-" + tag + "-" + suffix, client, LocalDate.of(2026, 1, 15), group(), phase, at(JUNE_1));
    }

    private long holder(long caseId, String name) {
        return insert("insert into record_holder (case_id, position, name, holder_type) values (?, ?, ?, 'HOSPITAL')",
                caseId, ++position, name);
    }

    private void production(long caseId, long holder, LocalDate receivedByProvider, int days, String outcome) {
        long id = request(caseId, holder, "PARTIAL".equals(outcome) ? "RECEIVED_PARTIAL" : "RECEIVED_COMPLETE",
                receivedByProvider.plusDays(30), null, null, receivedByProvider);
        jdbc.sql("update record_request set produced_on = ?, production_outcome = ? where id = ?")
                .params(receivedByProvider.plusDays(days), outcome, id).update();
    }

    private long request(long caseId, long holder, String status, LocalDate dueOn, LocalDate extendedDueOn,
                         LocalDate escalatedOn, LocalDate providerReceivedOn) {
        return insert("""
                insert into record_request (case_id, holder_id, record_type, legal_basis, status, provider_received_on,
                                            due_on, extended_due_on, escalated_on, created_at, updated_at)
                values (?, ?, 'MEDICAL_RECORDS', 'AUTHORIZATION', ?, ?, ?, ?, ?, ?, ?)
                """, caseId, holder, status, providerReceivedOn, dueOn, extendedDueOn, escalatedOn, at(JUNE_1), at(JUNE_1));
    }

    private long authorization(long caseId, String status, LocalDate expiresOn) {
        return insert("insert into hipaa_authorization (case_id, scope, status, expires_on, recorded_at) values (?, 'GENERAL', ?, ?, ?)",
                caseId, status, expiresOn, at(JUNE_1));
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static OffsetDateTime at(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
