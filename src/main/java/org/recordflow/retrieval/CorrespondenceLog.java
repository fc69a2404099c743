package org.recordflow.retrieval;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every contact with a provider, in either direction, whoever or whatever made it. Append-only:
 * this class has no way to change or remove an entry, which is what makes it evidence of diligence.
 */
@Service
public class CorrespondenceLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    CorrespondenceLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What to log; {@code recordedBy} names the task or timer that made the contact. */
    public record Entry(Correspondence.Direction direction, ContactChannel channel, String actor, String counterpart,
                        String subject, String outcome, String recordedBy, List<StoredDocument> attachments) {
    }

    @Transactional
    public long append(RecordRequest request, Entry entry) {
        var keys = new GeneratedKeyHolder();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into correspondence_entry (case_id, request_id, occurred_at, direction, channel, actor, counterpart,
                                                  subject, outcome, recorded_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(request.caseId(), request.id(), now, entry.direction().name(), entry.channel().name(),
                        entry.actor(), entry.counterpart(), entry.subject(), entry.outcome(), entry.recordedBy(), now)
                .update(keys, "id");
        long entryId = keys.getKey().longValue();
        for (StoredDocument document : entry.attachments()) {
            jdbc.sql("""
                    insert into correspondence_attachment (entry_id, file_name, sha256, size_bytes, document_id)
                    values (?, ?, ?, ?, ?)
                    """)
                    .params(entryId, document.fileName(), document.sha256(), document.sizeBytes(), document.id())
                    .update();
        }
        return entryId;
    }

    public List<Correspondence> forRequest(long requestId) {
        return jdbc.sql("""
                select id, request_id, occurred_at, direction, channel, actor, counterpart, subject, outcome, recorded_by
                from correspondence_entry where request_id = ? order by occurred_at, id
                """)
                .param(requestId)
                .query((rs, n) -> new Correspondence(rs.getLong("id"), rs.getLong("request_id"),
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        Correspondence.Direction.valueOf(rs.getString("direction")),
                        ContactChannel.valueOf(rs.getString("channel")), rs.getString("actor"), rs.getString("counterpart"),
                        rs.getString("subject"), rs.getString("outcome"), rs.getString("recorded_by"),
                        attachments(rs.getLong("id"))))
                .list();
    }

    private List<StoredDocument> attachments(long entryId) {
        return jdbc.sql("""
                select coalesce(document_id, 0) as id, file_name, sha256, size_bytes
                from correspondence_attachment where entry_id = ? order by id
                """)
                .param(entryId)
                .query((rs, n) -> new StoredDocument(rs.getLong("id"), null, rs.getString("file_name"),
                        rs.getString("sha256"), rs.getLong("size_bytes")))
                .list();
    }
}
