package org.recordflow.retrieval;

import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.SendChannel;

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
class RecordRequestRepository {

    private static final String SELECT = """
            select r.id, r.case_id, r.holder_id, h.name as holder_name, r.record_type, r.legal_basis, r.department,
                   r.due_days, r.day_count, r.extension_allowed, r.extension_days, r.follow_up_days, r.status,
                   r.channel, r.sent_on, r.provider_received_on, r.due_on, r.extended_due_on, r.produced_on,
                   r.production_outcome, r.process_instance_id, r.clock_start, r.rolls_to_business_day, r.roll_source,
                   r.target_days_before, r.statutory, r.rule_source, r.holder_state, r.payment_received_on, r.target_on
            from record_request r join record_holder h on h.id = r.holder_id
            """;
    private static final String RULE_COLUMNS = """
            due_days = ?, day_count = ?, clock_start = ?, rolls_to_business_day = ?, roll_source = ?, extension_allowed = ?,
            extension_days = ?, follow_up_days = ?, target_days_before = ?, statutory = ?, rule_source = ?, holder_state = ?
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    RecordRequestRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates the request unless one exists for this holder and record type; true when created. */
    boolean insertIfAbsent(long caseId, long holderId, RecordType type, LegalBasis basis, String department,
                           DeadlineRule rule, String holderState) {
        int existing = jdbc.sql("select count(*) from record_request where holder_id = ? and record_type = ? "
                        + "and parent_request_id is null")
                .params(holderId, type.name()).query(Integer.class).single();
        if (existing > 0) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into record_request (case_id, holder_id, record_type, legal_basis, department, status, created_at,
                                            updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, holderId, type.name(), basis.name(), department, RequestStatus.TO_SEND.name(), now, now)
                .update(keys, "id");
        applyRule(keys.getKey().longValue(), rule, holderState);
        return true;
    }

    /** Stores the rule the deadline table chose for the request. */
    void applyRule(long requestId, DeadlineRule rule, String holderState) {
        jdbc.sql("update record_request set " + RULE_COLUMNS + ", updated_at = ? where id = ?")
                .params(rule.dueDays(), rule.dayCount().name(), rule.clockStart().name(), rule.rollsToBusinessDay(),
                        rule.rollSource(), rule.extensionAllowed(), rule.extensionDays(), rule.followUpDays(),
                        rule.targetDaysBefore(), rule.statutory(), rule.source(), holderState, OffsetDateTime.now(clock),
                        requestId)
                .update();
    }

    List<Long> idsForCase(long caseId) {
        return jdbc.sql("""
                select r.id from record_request r join record_holder h on h.id = r.holder_id
                where r.case_id = ? and r.parent_request_id is null order by h.position, r.record_type
                """).param(caseId).query(Long.class).list();
    }

    List<RecordRequest> forCase(long caseId) {
        return jdbc.sql(SELECT + " where r.case_id = ? order by h.position, r.record_type")
                .param(caseId).query(RecordRequestRepository::map).list();
    }

    Optional<RecordRequest> find(long requestId) {
        return jdbc.sql(SELECT + " where r.id = ?").param(requestId).query(RecordRequestRepository::map).optional();
    }

    void linkProcessInstance(long requestId, String processInstanceId) {
        jdbc.sql("update record_request set process_instance_id = ?, updated_at = ? where id = ?")
                .params(processInstanceId, OffsetDateTime.now(clock), requestId).update();
    }

    void markSent(long requestId, SendChannel channel, LocalDate sentOn, LocalDate providerReceivedOn, LocalDate dueOn,
                  LocalDate targetOn) {
        jdbc.sql("""
                update record_request set status = ?, channel = ?, sent_on = ?, provider_received_on = ?, due_on = ?,
                                          target_on = ?, updated_at = ?
                where id = ?
                """)
                .params(RequestStatus.SENT.name(), channel.name(), sentOn, providerReceivedOn, dueOn, targetOn,
                        OffsetDateTime.now(clock), requestId)
                .update();
    }

    /** The fee was paid: where the rule waits for payment, the clock's dates come with it. */
    void recordPayment(long requestId, LocalDate paidOn, LocalDate dueOn, LocalDate targetOn) {
        jdbc.sql("update record_request set payment_received_on = ?, due_on = ?, target_on = ?, updated_at = ? where id = ?")
                .params(paidOn, dueOn, targetOn, OffsetDateTime.now(clock), requestId).update();
    }

    /** Pauses the case's requests still waiting on the provider; returns how many. */
    int pauseOpen(long caseId) {
        return jdbc.sql("""
                update record_request set paused_at = ?, updated_at = ?
                where case_id = ? and status in ('TO_SEND', 'SENT') and paused_at is null
                """).params(OffsetDateTime.now(clock), OffsetDateTime.now(clock), caseId).update();
    }

    int resumePaused(long caseId) {
        return jdbc.sql("update record_request set paused_at = null, updated_at = ? where case_id = ? and paused_at is not null")
                .params(OffsetDateTime.now(clock), caseId).update();
    }

    boolean isPaused(long requestId) {
        return jdbc.sql("select count(*) from record_request where id = ? and paused_at is not null")
                .param(requestId).query(Integer.class).single() > 0;
    }

    void markResent(long requestId, String department) {
        jdbc.sql("""
                update record_request set status = ?, department = ?, sent_on = null, provider_received_on = null,
                       due_on = null, target_on = null, extended_due_on = null, extension_notice_on = null, updated_at = ?
                where id = ?
                """).params(RequestStatus.TO_SEND.name(), department, OffsetDateTime.now(clock), requestId).update();
    }

    void recordExtension(long requestId, LocalDate noticeOn, LocalDate extendedDueOn, LocalDate targetOn, String reason) {
        jdbc.sql("""
                update record_request set extension_notice_on = ?, extended_due_on = ?, target_on = ?, extension_reason = ?,
                                          updated_at = ?
                where id = ?
                """).params(noticeOn, extendedDueOn, targetOn, reason, OffsetDateTime.now(clock), requestId).update();
    }

    void markEscalated(long requestId, LocalDate on) {
        jdbc.sql("update record_request set escalated_on = ?, updated_at = ? where id = ?")
                .params(on, OffsetDateTime.now(clock), requestId).update();
    }

    int followUpsSent(long requestId) {
        return jdbc.sql("select follow_ups_sent from record_request where id = ?").param(requestId).query(Integer.class).single();
    }

    void countFollowUp(long requestId) {
        jdbc.sql("update record_request set follow_ups_sent = follow_ups_sent + 1, updated_at = ? where id = ?")
                .params(OffsetDateTime.now(clock), requestId).update();
    }

    void close(long requestId, RequestStatus status, String reason) {
        jdbc.sql("update record_request set status = ?, closed_reason = ?, updated_at = ? where id = ?")
                .params(status.name(), reason, OffsetDateTime.now(clock), requestId).update();
    }

    long insertSupplemental(RecordRequest parent, String missing) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into record_request (case_id, holder_id, record_type, legal_basis, department, status,
                                            parent_request_id, missing_description, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(parent.caseId(), parent.holderId(), parent.recordType().name(), parent.legalBasis().name(),
                        parent.department(), RequestStatus.TO_SEND.name(), parent.id(), missing, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        applyRule(id, parent.deadlineRule(), parent.holderState());
        return id;
    }

    LocalDate escalatedOn(long requestId) {
        return jdbc.sql("select escalated_on from record_request where id = ?").param(requestId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).single().orElse(null);
    }

    void markProduced(long requestId, ProductionOutcome outcome, LocalDate producedOn) {
        jdbc.sql("""
                update record_request set status = ?, production_outcome = ?, produced_on = ?, updated_at = ?
                where id = ?
                """)
                .params(outcome.status().name(), outcome.name(), producedOn, OffsetDateTime.now(clock), requestId)
                .update();
    }

    private static RecordRequest map(ResultSet rs, int rowNum) throws SQLException {
        String channel = rs.getString("channel");
        String outcome = rs.getString("production_outcome");
        return new RecordRequest(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("holder_id"),
                rs.getString("holder_name"), RecordType.valueOf(rs.getString("record_type")),
                LegalBasis.valueOf(rs.getString("legal_basis")), rs.getString("department"),
                new DeadlineRule(rs.getInt("due_days"), DayCount.valueOf(rs.getString("day_count")),
                        ClockStart.valueOf(rs.getString("clock_start")), rs.getBoolean("rolls_to_business_day"),
                        rs.getString("roll_source"), rs.getBoolean("extension_allowed"), rs.getInt("extension_days"),
                        rs.getInt("follow_up_days"), rs.getInt("target_days_before"), rs.getBoolean("statutory"),
                        rs.getString("rule_source")),
                RequestStatus.valueOf(rs.getString("status")),
                channel == null ? null : SendChannel.valueOf(channel), rs.getObject("sent_on", LocalDate.class),
                rs.getObject("provider_received_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("extended_due_on", LocalDate.class), rs.getObject("produced_on", LocalDate.class),
                outcome == null ? null : ProductionOutcome.valueOf(outcome), rs.getString("process_instance_id"),
                rs.getString("holder_state"), rs.getObject("payment_received_on", LocalDate.class),
                rs.getObject("target_on", LocalDate.class));
    }
}
