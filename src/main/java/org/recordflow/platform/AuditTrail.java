package org.recordflow.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * The audit trail: document views and downloads, every change made through our pages and API, and
 * every refused request (our case checks, ids not spelled as plain numbers, Spring Security, the
 * engine's authorizations), with the ids the request carried as parsed values and their case.
 */
@Service
public class AuditTrail {

    public enum Action { VIEW, CHANGE, REFUSED }

    public record Event(long id, OffsetDateTime occurredAt, String actor, Action action, String method, String path,
                        int status, String remoteAddr, Long caseId, String ids, String detail) {
    }

    /** What is recorded; text is cut to the columns' sizes, since paths and reasons come from the request. */
    record Entry(String actor, Action action, String method, String path, int status, String remoteAddr, Long caseId,
                 String ids, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the event's id */
    long record(Entry entry) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, method, path, status, remote_addr, case_id, ids, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(OffsetDateTime.now(clock), cut(entry.actor(), 64), entry.action().name(), cut(entry.method(), 8),
                        cut(entry.path(), 400), entry.status(), cut(entry.remoteAddr(), 64), entry.caseId(),
                        cut(entry.ids(), 400), cut(entry.detail(), 400))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * A person's action in the engine that touches a case (a task completed, a case opened), recorded
     * in the engine's transaction. Its method is {@code ENGINE}, its path says what was done.
     */
    public void recordEngineAction(String actor, String what, Long caseId, String ids) {
        record(new Entry(actor, Action.CHANGE, "ENGINE", what, 200, null, caseId, ids, null));
    }

    /** The outcome of a view recorded before its content was served (a view that ended refused is a refusal). */
    void outcome(long eventId, Action action, int status) {
        jdbc.sql("update audit_event set action = ?, status = ? where id = ?").params(action.name(), status, eventId).update();
    }

    public List<Event> between(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, method, path, status, remote_addr, case_id, ids, detail
                from audit_event where occurred_at >= ? and occurred_at < ? order by occurred_at, id
                """)
                .params(from, to)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), Action.valueOf(rs.getString("action")), rs.getString("method"),
                        rs.getString("path"), rs.getInt("status"), rs.getString("remote_addr"),
                        rs.getObject("case_id", Long.class), rs.getString("ids"), rs.getString("detail")))
                .list();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
