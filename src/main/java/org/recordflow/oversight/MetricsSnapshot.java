package org.recordflow.oversight;

import java.time.Instant;
import java.util.Map;

/**
 * The values the Prometheus gauges and counters report, computed together on a schedule so that a
 * scrape only reads memory. Counters are monotonic totals of rows that are never deleted.
 */
record MetricsSnapshot(Instant computedAt, Map<String, Long> openRequestsByStatus, long overdueRequests,
                       long openEscalations, long followUpsSent, long failedMails, long packetsReceived,
                       long pagesIndexed, long jobsDue, long openIncidents) {
}
