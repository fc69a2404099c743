package org.recordflow.retrieval;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Letters and reports Recordflow generates, stored in the database with their SHA-256 so that what
 * was sent can be shown byte for byte later. Read back only after the hash is verified.
 */
@Service
public class GeneratedDocuments {

    private final JdbcClient jdbc;
    private final Clock clock;

    GeneratedDocuments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public StoredDocument store(long caseId, Long requestId, String kind, String fileName, byte[] content) {
        String sha256 = sha256(content);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into generated_document (case_id, request_id, kind, file_name, sha256, size_bytes, content, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseId, requestId, kind, fileName, sha256, content.length, content, OffsetDateTime.now(clock))
                .update(keys, "id");
        return new StoredDocument(keys.getKey().longValue(), kind, fileName, sha256, content.length);
    }

    public StoredDocument describe(long documentId) {
        return jdbc.sql("select id, kind, file_name, sha256, size_bytes from generated_document where id = ?")
                .param(documentId)
                .query((rs, n) -> new StoredDocument(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                        rs.getString("sha256"), rs.getLong("size_bytes")))
                .optional().orElseThrow(() -> new DocumentNotFoundException(documentId));
    }

    Optional<Long> caseOf(long documentId) {
        return jdbc.sql("select case_id from generated_document where id = ?").param(documentId).query(Long.class).optional();
    }

    public List<StoredDocument> forRequest(long requestId) {
        return jdbc.sql("select id, kind, file_name, sha256, size_bytes from generated_document where request_id = ? order by id")
                .param(requestId)
                .query((rs, n) -> new StoredDocument(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
                        rs.getString("sha256"), rs.getLong("size_bytes")))
                .list();
    }

    /** The content, after checking it still matches the hash recorded when it was generated. */
    public byte[] content(long documentId) {
        StoredDocument document = describe(documentId);
        byte[] content = jdbc.sql("select content from generated_document where id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).single();
        if (!sha256(content).equals(document.sha256())) {
            throw new IllegalStateException("Document " + documentId + " no longer matches its recorded SHA-256");
        }
        return content;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
