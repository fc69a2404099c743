package org.recordflow.oversight;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recordflow.authorization.AuthorizationStatus;
import org.recordflow.casefile.CasePhase;
import org.recordflow.retrieval.RequestStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only SQL over the lifecycle modules' tables: the supervisor's read model. The columns read
 * here are the stable ones of case_file, record_holder, record_request, hipaa_authorization,
 * outbound_mail, packet and packet_page; nothing is written. Portable between H2 and PostgreSQL:
 * percentiles are computed in Java ({@link Percentiles}), not in SQL.
 */
@Repository
class OversightQueries {

    /** A request still waiting for its production: not yet sent, or sent and not answered. */
    static final List<String> OPEN_REQUEST_STATUSES = List.of(RequestStatus.TO_SEND.name(), RequestStatus.SENT.name());
    static final String CLOSED_PHASE = CasePhase.DEMAND_READY.name();

    private static final String REQUEST_ROW = """
            select r.id, r.case_id, c.reference, cl.full_name, h.name as holder_name, r.record_type, r.status,
                   r.sent_on, r.provider_received_on, coalesce(r.extended_due_on, r.due_on) as effective_due_on,
                   r.escalated_on, r.follow_ups_sent, r.paused_at, r.process_instance_id
            from record_request r
                 join record_holder h on h.id = r.holder_id
                 join case_file c on c.id = r.case_id
                 join client cl on cl.id = c.client_id
            """;
    private static final String OPEN = " r.status in (:open) ";
    private static final String EFFECTIVE_DUE = " coalesce(r.extended_due_on, r.due_on) ";

    private final JdbcClient jdbc;

    OversightQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- cases

    Map<String, Long> openCasesByPhase() {
        return countsByKey(jdbc.sql("select phase as k, count(*) as n from case_file where phase <> :closed group by phase")
                .param("closed", CLOSED_PHASE));
    }

    List<OversightViews.CaseRow> openCases(String phase) {
        // A null parameter in "(:phase is null or ...)" has no type for PostgreSQL: the filter is added only when given
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select c.id, c.reference, cl.full_name, c.phase, c.paralegal_group, c.opened_at
                        from case_file c join client cl on cl.id = c.client_id
                        where c.phase <> :closed""" + (phase == null ? "" : " and c.phase = :phase")
                        + " order by c.opened_at, c.id")
                .param("closed", CLOSED_PHASE);
        if (phase != null) {
            statement = statement.param("phase", phase);
        }
        return statement
                .query((rs, n) -> new OversightViews.CaseRow(rs.getLong("id"), rs.getString("reference"),
                        rs.getString("full_name"), rs.getString("phase"), rs.getString("paralegal_group"),
                        rs.getObject("opened_at", OffsetDateTime.class)))
                .list();
    }

    Map<String, Long> openCasesByParalegalGroup() {
        return countsByKey(jdbc.sql("select paralegal_group as k, count(*) as n from case_file where phase <> :closed "
                + "group by paralegal_group").param("closed", CLOSED_PHASE));
    }

    Map<String, Long> caseIdsByReference(Collection<String> references) {
        Map<String, Long> ids = new LinkedHashMap<>();
        if (!references.isEmpty()) {
            jdbc.sql("select reference, id from case_file where reference in (:refs)").param("refs", references)
                    .query(rs -> {
                        ids.put(rs.getString("reference"), rs.getLong("id"));
                    });
        }
        return ids;
    }

    // ---- requests

    Map<String, Long> requestsByStatus() {
        return countsByKey(jdbc.sql("select status as k, count(*) as n from record_request group by status"));
    }

    /**
     * Open requests past their deadline: with {@code statutory}, the legal deadline; without, the date
     * a firm-policy rule asked for (no statute sets one, so it is never "past the legal deadline").
     */
    long overdueCount(LocalDate today, boolean statutory) {
        return jdbc.sql("select count(*) from record_request r where" + OPEN + "and" + EFFECTIVE_DUE + "< :today"
                        + " and r.statutory = :statutory")
                .param("open", OPEN_REQUEST_STATUSES).param("today", today).param("statutory", statutory)
                .query(Long.class).single();
    }

    long dueSoonCount(LocalDate today, LocalDate until) {
        return jdbc.sql("select count(*) from record_request r where" + OPEN + "and" + EFFECTIVE_DUE
                        + "between :today and :until")
                .param("open", OPEN_REQUEST_STATUSES).param("today", today).param("until", until)
                .query(Long.class).single();
    }

    long openEscalationCount() {
        return jdbc.sql("select count(*) from record_request r where" + OPEN + "and r.escalated_on is not null")
                .param("open", OPEN_REQUEST_STATUSES).query(Long.class).single();
    }

    List<OversightViews.RequestRow> overdueRequests(LocalDate today, boolean statutory) {
        return jdbc.sql(REQUEST_ROW + " where" + OPEN + "and" + EFFECTIVE_DUE + "< :today and r.statutory = :statutory"
                        + " order by effective_due_on, r.id")
                .param("open", OPEN_REQUEST_STATUSES).param("today", today).param("statutory", statutory)
                .query(OversightQueries::requestRow).list();
    }

    List<OversightViews.RequestRow> requestsDueBetween(LocalDate today, LocalDate until) {
        return jdbc.sql(REQUEST_ROW + " where" + OPEN + "and" + EFFECTIVE_DUE
                        + "between :today and :until order by effective_due_on, r.id")
                .param("open", OPEN_REQUEST_STATUSES).param("today", today).param("until", until)
                .query(OversightQueries::requestRow).list();
    }

    List<OversightViews.RequestRow> openEscalations() {
        return jdbc.sql(REQUEST_ROW + " where" + OPEN + "and r.escalated_on is not null order by r.escalated_on, r.id")
                .param("open", OPEN_REQUEST_STATUSES).query(OversightQueries::requestRow).list();
    }

    List<OversightViews.RequestRow> requestsWithStatus(String status) {
        return jdbc.sql(REQUEST_ROW + " where r.status = :status order by r.case_id, r.id").param("status", status)
                .query(OversightQueries::requestRow).list();
    }

    private static OversightViews.RequestRow requestRow(ResultSet rs, int n) throws SQLException {
        return new OversightViews.RequestRow(rs.getLong("id"), rs.getLong("case_id"), rs.getString("reference"),
                rs.getString("full_name"), rs.getString("holder_name"), rs.getString("record_type"),
                rs.getString("status"), rs.getObject("sent_on", LocalDate.class),
                rs.getObject("provider_received_on", LocalDate.class), rs.getObject("effective_due_on", LocalDate.class),
                rs.getObject("escalated_on", LocalDate.class), rs.getInt("follow_ups_sent"),
                rs.getObject("paused_at") != null, rs.getString("process_instance_id"));
    }

    // ---- productions (provider league table)

    /** Productions dated in [from, to] whose request's receipt by the provider is known. */
    List<OversightViews.Production> productionsBetween(LocalDate from, LocalDate to, String holderName) {
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select r.id, r.case_id, c.reference, h.name as holder_name, r.record_type, r.provider_received_on,
                               r.produced_on, r.status, r.production_outcome
                        from record_request r
                             join record_holder h on h.id = r.holder_id
                             join case_file c on c.id = r.case_id
                        where r.produced_on between :from and :to and r.provider_received_on is not null"""
                        + (holderName == null ? "" : " and h.name = :holder") + " order by h.name, r.produced_on, r.id")
                .param("from", from).param("to", to);
        if (holderName != null) {
            statement = statement.param("holder", holderName);
        }
        return statement
                .query((rs, n) -> {
                    String status = rs.getString("status");
                    String outcome = rs.getString("production_outcome");
                    LocalDate received = rs.getObject("provider_received_on", LocalDate.class);
                    LocalDate produced = rs.getObject("produced_on", LocalDate.class);
                    return new OversightViews.Production(rs.getLong("id"), rs.getLong("case_id"), rs.getString("reference"),
                            rs.getString("holder_name"), rs.getString("record_type"),
                            received, produced, ChronoUnit.DAYS.between(received, produced), outcome == null ? status : outcome,
                            RequestStatus.RECEIVED_PARTIAL.name().equals(status) || "PARTIAL".equals(outcome));
                })
                .list();
    }

    // ---- authorizations

    List<OversightViews.RenewalDue> activeAuthorizationsExpiringBy(LocalDate until) {
        return jdbc.sql("""
                        select a.id, a.case_id, c.reference, cl.full_name, a.scope, a.expires_on
                        from hipaa_authorization a
                             join case_file c on c.id = a.case_id
                             join client cl on cl.id = c.client_id
                        where a.status = :active and a.expires_on <= :until and c.phase <> :closed
                        order by a.expires_on, a.id
                        """)
                .param("active", AuthorizationStatus.ACTIVE.name()).param("until", until).param("closed", CLOSED_PHASE)
                .query((rs, n) -> new OversightViews.RenewalDue(rs.getLong("id"), rs.getLong("case_id"),
                        rs.getString("reference"), rs.getString("full_name"), rs.getString("scope"),
                        rs.getObject("expires_on", LocalDate.class)))
                .list();
    }

    // ---- cheap totals for the metrics

    long followUpsSent() {
        return jdbc.sql("select coalesce(sum(follow_ups_sent), 0) from record_request").query(Long.class).single();
    }

    long outboundMailsWithStatus(String status) {
        return jdbc.sql("select count(*) from outbound_mail where status = ?").param(status).query(Long.class).single();
    }

    long packetsReceived() {
        return jdbc.sql("select count(*) from packet").query(Long.class).single();
    }

    long pagesIndexed() {
        return jdbc.sql("select count(*) from packet_page").query(Long.class).single();
    }

    private static Map<String, Long> countsByKey(JdbcClient.StatementSpec statement) {
        Map<String, Long> counts = new LinkedHashMap<>();
        statement.query(rs -> {
            counts.put(rs.getString("k"), rs.getLong("n"));
        });
        return counts;
    }
}
