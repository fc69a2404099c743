package org.recordflow.retrieval;

import java.time.OffsetDateTime;
import java.util.List;

/** One contact with a provider about a request, as logged. */
public record Correspondence(long id, long requestId, OffsetDateTime occurredAt, Direction direction,
                             ContactChannel channel, String actor, String counterpart, String subject, String outcome,
                             String recordedBy, List<StoredDocument> attachments) {

    public enum Direction { OUTGOING, INCOMING }
}
