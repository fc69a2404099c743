package org.recordflow.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recordflow.oversight.OversightViews.CaseRow;
import org.recordflow.oversight.OversightViews.Escalation;
import org.recordflow.oversight.OversightViews.HolderPerformance;
import org.recordflow.oversight.OversightViews.LeagueTable;
import org.recordflow.oversight.OversightViews.Production;
import org.recordflow.oversight.OversightViews.RenewalDue;
import org.recordflow.oversight.OversightViews.RequestRow;
import org.recordflow.oversight.OversightViews.Summary;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.retrieval.RequestStatus;
import org.recordflow.casefile.CasePhase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supervisor's figures over every case: deadlines, escalations, providers, renewals. */
@Service
@Transactional(readOnly = true)
public class OversightService {

    private final OversightQueries queries;
    private final EscalationTasks escalationTasks;
    private final OversightProperties properties;
    private final int renewalLeadDays;
    private final Clock clock;

    OversightService(OversightQueries queries, EscalationTasks escalationTasks, OversightProperties properties,
                     @Value("${recordflow.authorization.renewal-lead-days:30}") int renewalLeadDays, Clock clock) {
        this.queries = queries;
        this.escalationTasks = escalationTasks;
        this.properties = properties;
        this.renewalLeadDays = renewalLeadDays;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Summary summary() {
        LocalDate today = today();
        Map<String, Long> casesByPhase = inPhaseOrder(queries.openCasesByPhase());
        Map<String, Long> requestsByStatus = inStatusOrder(queries.requestsByStatus());
        long openRequests = OversightQueries.OPEN_REQUEST_STATUSES.stream().mapToLong(s -> requestsByStatus.get(s)).sum();
        return new Summary(today, casesByPhase.values().stream().mapToLong(Long::longValue).sum(), casesByPhase,
                requestsByStatus, openRequests, queries.overdueCount(today, true),
                queries.dueSoonCount(today, dueSoonUntil(today)), properties.dueSoonDays(),
                queries.openEscalationCount(), renewalsDue().size(), renewalLeadDays, queries.overdueCount(today, false));
    }

    public List<CaseRow> openCases(String phase) {
        return queries.openCases(phase == null ? null : parse(CasePhase.class, "phase", phase).name());
    }

    public List<RequestRow> requestsWithStatus(String status) {
        return queries.requestsWithStatus(parse(RequestStatus.class, "status", status).name());
    }

    /** Past their legal deadline: statutory rules only. */
    public List<RequestRow> overdueRequests() {
        return queries.overdueRequests(today(), true);
    }

    /** Past the date a firm-policy rule asked for: no statute set it. */
    public List<RequestRow> pastRequestedDate() {
        return queries.overdueRequests(today(), false);
    }

    public List<RequestRow> requestsDueSoon() {
        LocalDate today = today();
        return queries.requestsDueBetween(today, dueSoonUntil(today));
    }

    public List<Escalation> openEscalations() {
        return escalationTasks.attachOpenTasks(queries.openEscalations());
    }

    public List<RenewalDue> renewalsDue() {
        return queries.activeAuthorizationsExpiringBy(today().plusDays(renewalLeadDays));
    }

    /** Median and 90th percentile of days to produce per record holder, over productions dated in the period. */
    public LeagueTable providerLeagueTable(LocalDate from, LocalDate to) {
        Period period = period(from, to);
        Map<String, List<Production>> byHolder = new LinkedHashMap<>();
        for (Production production : queries.productionsBetween(period.from(), period.to(), null)) {
            byHolder.computeIfAbsent(production.holderName(), name -> new ArrayList<>()).add(production);
        }
        List<HolderPerformance> holders = new ArrayList<>();
        byHolder.forEach((holder, productions) -> holders.add(performance(holder, productions)));
        holders.sort(Comparator.comparing(HolderPerformance::medianDaysToProduce, Comparator.reverseOrder())
                .thenComparing(HolderPerformance::p90DaysToProduce, Comparator.reverseOrder())
                .thenComparing(HolderPerformance::holderName));
        return new LeagueTable(period.from(), period.to(), holders);
    }

    public List<Production> productions(String holderName, LocalDate from, LocalDate to) {
        if (holderName == null || holderName.isBlank()) {
            throw new InvalidInputException(List.of("holder: the record holder's name is required"));
        }
        Period period = period(from, to);
        return queries.productionsBetween(period.from(), period.to(), holderName);
    }

    static HolderPerformance performance(String holder, List<Production> productions) {
        List<Long> days = productions.stream().map(Production::daysToProduce).toList();
        int partial = (int) productions.stream().filter(Production::partial).count();
        return new HolderPerformance(holder, productions.size(), Percentiles.median(days), Percentiles.p90(days), partial,
                (double) partial / productions.size());
    }

    /** A closed date range; by default the configured number of days ending today. */
    record Period(LocalDate from, LocalDate to) {
    }

    Period period(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? today() : to;
        LocalDate start = from == null ? end.minusDays(properties.periodDays() - 1L) : from;
        if (start.isAfter(end)) {
            throw new InvalidInputException(List.of("from: must not be after to (" + start + " > " + end + ")"));
        }
        return new Period(start, end);
    }

    private LocalDate dueSoonUntil(LocalDate today) {
        return today.plusDays(properties.dueSoonDays());
    }

    private static Map<String, Long> inPhaseOrder(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (CasePhase phase : CasePhase.values()) {
            if (!phase.name().equals(OversightQueries.CLOSED_PHASE)) {
                ordered.put(phase.name(), counts.getOrDefault(phase.name(), 0L));
            }
        }
        return ordered;
    }

    private static Map<String, Long> inStatusOrder(Map<String, Long> counts) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            ordered.put(status.name(), counts.getOrDefault(status.name(), 0L));
        }
        return ordered;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(List.of(field + ": unknown value '" + value + "'"));
        }
    }
}
