package org.recordflow.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.recordflow.retrieval.OutboundMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Recordflow's Prometheus series. The figures are computed every
 * {@code recordflow.oversight.metrics-refresh} (30 s by default) into one {@link MetricsSnapshot};
 * a scrape of {@code /actuator/prometheus} reads that snapshot and runs no query. The first refresh
 * runs at start-up; should it fail, the series report NaN until one succeeds.
 */
@Component
class OversightMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(OversightMetrics.class);

    private final OversightQueries queries;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private final AtomicReference<MetricsSnapshot> snapshot = new AtomicReference<>();

    OversightMetrics(OversightQueries queries, ManagementService management, RuntimeService runtime, Clock clock) {
        this.queries = queries;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : OversightQueries.OPEN_REQUEST_STATUSES) {
            gauge("recordflow.requests.open", "Record requests not yet answered, by status",
                    s -> s.openRequestsByStatus().getOrDefault(status, 0L)).tag("status", status).register(registry);
        }
        gauge("recordflow.requests.overdue", "Open record requests past their legal deadline",
                MetricsSnapshot::overdueRequests).register(registry);
        gauge("recordflow.escalations.open", "Open record requests that have been escalated",
                MetricsSnapshot::openEscalations).register(registry);
        gauge("recordflow.mails.failed", "Outgoing letters whose last delivery attempt failed",
                MetricsSnapshot::failedMails).register(registry);
        gauge("recordflow.jobs.due", "Engine jobs due now (job executor backlog)",
                MetricsSnapshot::jobsDue).register(registry);
        gauge("recordflow.incidents.open", "Open Camunda incidents", MetricsSnapshot::openIncidents)
                .register(registry);
        Gauge.builder("recordflow.metrics.refreshed.timestamp", snapshot,
                        ref -> ref.get() == null ? Double.NaN : ref.get().computedAt().toEpochMilli() / 1000d)
                .description("When these Recordflow figures were last computed").baseUnit("seconds").register(registry);
        counter("recordflow.followups.sent", "Follow-ups sent to record holders", MetricsSnapshot::followUpsSent)
                .register(registry);
        counter("recordflow.packets.received", "Record packets received", MetricsSnapshot::packetsReceived)
                .register(registry);
        counter("recordflow.pages.indexed", "Pages Bates-numbered and indexed", MetricsSnapshot::pagesIndexed)
                .register(registry);
    }

    private Gauge.Builder<AtomicReference<MetricsSnapshot>> gauge(String name, String description,
                                                                  ToDoubleFunction<MetricsSnapshot> value) {
        return Gauge.builder(name, snapshot, read(value)).description(description);
    }

    private FunctionCounter.Builder<AtomicReference<MetricsSnapshot>> counter(String name, String description,
                                                                             ToDoubleFunction<MetricsSnapshot> value) {
        return FunctionCounter.builder(name, snapshot, read(value)).description(description);
    }

    private static ToDoubleFunction<AtomicReference<MetricsSnapshot>> read(ToDoubleFunction<MetricsSnapshot> value) {
        return ref -> {
            MetricsSnapshot current = ref.get();
            return current == null ? Double.NaN : value.applyAsDouble(current);
        };
    }

    /** Recomputes every figure; a failure keeps the previous values and is logged. */
    @Scheduled(fixedDelayString = "${recordflow.oversight.metrics-refresh:30s}")
    void refreshOnSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Recordflow metrics not refreshed, keeping the previous values: {}", e.toString());
        }
    }

    MetricsSnapshot refresh() {
        LocalDate today = LocalDate.now(clock);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> all = queries.requestsByStatus();
        OversightQueries.OPEN_REQUEST_STATUSES.forEach(status -> byStatus.put(status, all.getOrDefault(status, 0L)));
        MetricsSnapshot computed = new MetricsSnapshot(clock.instant(), Map.copyOf(byStatus), queries.overdueCount(today, true),
                queries.openEscalationCount(), queries.followUpsSent(),
                queries.outboundMailsWithStatus(OutboundMail.Status.FAILED.name()), queries.packetsReceived(),
                queries.pagesIndexed(), management.createJobQuery().executable().count(),
                runtime.createIncidentQuery().count());
        snapshot.set(computed);
        return computed;
    }
}
