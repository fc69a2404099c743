package org.recordflow.retrieval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Mail waiting to go out. A letter is enqueued in the transaction that decided to send it, together
 * with its log entry; {@link MailDelivery} sends it after commit.
 */
@Repository
class MailOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long enqueue(long requestId, long entryId, String to, String subject, String body, List<StoredDocument> attachments,
                 String mailDomain) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outbound_mail (request_id, entry_id, message_id, to_address, subject, body, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(requestId, entryId, "<" + UUID.randomUUID() + "@" + mailDomain + ">", to, subject, body,
                        OutboundMail.Status.PENDING.name(), OffsetDateTime.now(clock))
                .update(keys, "id");
        long mailId = keys.getKey().longValue();
        attachments.forEach(document -> jdbc.sql("insert into outbound_mail_attachment (mail_id, document_id) values (?, ?)")
                .params(mailId, document.id()).update());
        return mailId;
    }

    Optional<OutboundMail> find(long mailId) {
        return jdbc.sql("""
                select id, request_id, entry_id, message_id, to_address, subject, body, status, attempts, last_error, sent_at
                from outbound_mail where id = ?
                """).param(mailId).query(this::map).optional();
    }

    List<OutboundMail> forRequest(long requestId) {
        return jdbc.sql("""
                select id, request_id, entry_id, message_id, to_address, subject, body, status, attempts, last_error, sent_at
                from outbound_mail where request_id = ? order by id
                """).param(requestId).query(this::map).list();
    }

    /** Moves the mail to {@code to} only from one of {@code from}; false when another attempt got there first. */
    boolean transition(long mailId, OutboundMail.Status to, String error, OutboundMail.Status... from) {
        StringBuilder in = new StringBuilder();
        for (OutboundMail.Status status : from) {
            in.append(in.isEmpty() ? "" : ",").append('\'').append(status.name()).append('\'');
        }
        return jdbc.sql("update outbound_mail set status = ?, last_error = ?, sent_at = ?, "
                        + "attempts = attempts + ? where id = ? and status in (" + in + ")")
                .params(to.name(), error, to == OutboundMail.Status.SENT ? OffsetDateTime.now(clock) : null,
                        to == OutboundMail.Status.SENDING ? 1 : 0, mailId)
                .update() == 1;
    }

    private OutboundMail map(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new OutboundMail(id, rs.getLong("request_id"), rs.getLong("entry_id"), rs.getString("message_id"),
                rs.getString("to_address"), rs.getString("subject"), rs.getString("body"),
                OutboundMail.Status.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("sent_at", OffsetDateTime.class),
                jdbc.sql("select document_id from outbound_mail_attachment where mail_id = ? order by document_id")
                        .param(id).query(Long.class).list());
    }
}
