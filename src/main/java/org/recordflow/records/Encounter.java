package org.recordflow.records;

import java.time.LocalDate;

/** Consecutive pages of one document or visit: date of service, provider, category, Bates range. */
public record Encounter(long packetId, long requestId, String provider, String category, LocalDate serviceDate,
                        int firstPage, int lastPage, long firstBates, long lastBates) {
}
