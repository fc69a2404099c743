package org.recordflow.retrieval;

import java.time.OffsetDateTime;
import java.util.List;

public record OutboundMail(long id, long requestId, long entryId, String messageId, String toAddress, String subject,
                           String body, Status status, int attempts, String lastError, OffsetDateTime sentAt,
                           List<Long> documentIds) {

    public enum Status {
        /** Written with its log entry, waiting for delivery after commit. */
        PENDING,
        /** Handed to the mail server; outcome not yet recorded. */
        SENDING,
        SENT,
        /** No mail server is configured: the letter stays in the log for the paralegal to send. */
        NOT_SENT,
        /** The last attempt failed; the job retries, then raises an incident. */
        FAILED
    }
}
