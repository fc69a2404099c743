package org.recordflow.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The audit trail: document views and downloads, and every change made through our pages and API. */
@Service
public class AuditTrail {

    public enum Action { VIEW, CHANGE }

    public record Event(long id, OffsetDateTime occurredAt, String actor, Action action, String method, String path,
                        int status, String remoteAddr) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String actor, Action action, String method, String path, int status, String remoteAddr) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, action, method, path, status, remote_addr)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(OffsetDateTime.now(clock), actor, action.name(), method, path, status, remoteAddr)
                .update();
    }

    public List<Event> between(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                select id, occurred_at, actor, action, method, path, status, remote_addr from audit_event
                where occurred_at >= ? and occurred_at < ? order by occurred_at, id
                """)
                .params(from, to)
                .query((rs, n) -> new Event(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), Action.valueOf(rs.getString("action")), rs.getString("method"),
                        rs.getString("path"), rs.getInt("status"), rs.getString("remote_addr")))
                .list();
    }
}
