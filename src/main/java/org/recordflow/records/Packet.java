package org.recordflow.records;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A received packet and its chain of custody: who logged what, received when, from whom, how. */
public record Packet(long id, long caseId, long requestId, String sha256, String stampedSha256,
                     String originalFileName, long sizeBytes, int pageCount, int pagesNeedingOcr, long firstBates,
                     long lastBates, LocalDate receivedOn, String receivedFrom, ReceiptChannel channel,
                     String loggedBy, OffsetDateTime loggedAt) {
}
