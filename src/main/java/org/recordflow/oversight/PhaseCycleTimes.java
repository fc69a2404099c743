package org.recordflow.oversight;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.recordflow.casefile.CaseLifecycleProcess;
import org.recordflow.casefile.CasePhase;
import org.recordflow.oversight.OversightViews.CycleTimes;
import org.recordflow.oversight.OversightViews.PhaseCycleTime;
import org.recordflow.oversight.OversightViews.PhaseRun;
import org.recordflow.oversight.OversightViews.WeeklyCycleTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Cycle time per phase from Camunda's history: each phase is a call activity of case-lifecycle.bpmn, and
 * the engine (history level full) already records when each one started and ended, in the same
 * transaction as the work. So no phase-change table of our own, and the figures cover every case
 * since the first deployment. Retrieval is a multi-instance call activity (one record-request per
 * request): its phase is the multi-instance body, from the first request started to the last one done.
 * Runs that were cancelled (a case stopped) are left out.
 */
@Service
public class PhaseCycleTimes {

    static final Map<CasePhase, String> ACTIVITY_OF_PHASE = activities();
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private final HistoryService history;
    private final Clock clock;
    private final Function<Collection<String>, Map<String, Long>> caseIdsByReference;

    @Autowired
    PhaseCycleTimes(HistoryService history, Clock clock, OversightQueries queries) {
        this(history, clock, queries::caseIdsByReference);
    }

    PhaseCycleTimes(HistoryService history, Clock clock, Function<Collection<String>, Map<String, Long>> caseIdsByReference) {
        this.history = history;
        this.clock = clock;
        this.caseIdsByReference = caseIdsByReference;
    }

    /** Median and p90 per phase over runs that finished in [from, to], and the weekly median over {@code weeks} weeks to {@code to}. */
    public CycleTimes cycleTimes(LocalDate from, LocalDate to, int weeks) {
        List<PhaseCycleTime> phases = new ArrayList<>();
        List<WeeklyCycleTime> weekly = new ArrayList<>();
        LocalDate firstWeek = weekStarting(to).minusWeeks(weeks - 1L);
        for (Map.Entry<CasePhase, String> phase : ACTIVITY_OF_PHASE.entrySet()) {
            List<Double> days = finishedRuns(phase.getValue(), from, to).stream().map(PhaseCycleTimes::days).toList();
            phases.add(new PhaseCycleTime(phase.getKey().name(), days.size(), Percentiles.median(days), Percentiles.p90(days)));

            Map<LocalDate, List<Double>> byWeek = new LinkedHashMap<>();
            for (int week = 0; week < weeks; week++) {
                byWeek.put(firstWeek.plusWeeks(week), new ArrayList<>());
            }
            for (HistoricActivityInstance run : finishedRuns(phase.getValue(), firstWeek, to)) {
                byWeek.get(weekStarting(localDate(run.getEndTime()))).add(days(run));
            }
            byWeek.forEach((week, values) -> weekly.add(new WeeklyCycleTime(phase.getKey().name(), week, values.size(),
                    Percentiles.median(values))));
        }
        return new CycleTimes(from, to, phases, weekly);
    }

    /** The runs behind a phase's figure, longest first, each with its case. */
    public List<PhaseRun> runs(CasePhase phase, LocalDate from, LocalDate to) {
        String activity = ACTIVITY_OF_PHASE.get(phase);
        if (activity == null) {
            return List.of();
        }
        List<HistoricActivityInstance> runs = finishedRuns(activity, from, to);
        Set<String> processInstanceIds = new LinkedHashSet<>();
        runs.forEach(run -> processInstanceIds.add(run.getProcessInstanceId()));
        Map<String, String> references = new LinkedHashMap<>();
        if (!processInstanceIds.isEmpty()) {
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
                    .processInstanceIds(processInstanceIds).list()) {
                references.put(instance.getId(), instance.getBusinessKey());
            }
        }
        Map<String, Long> caseIds = caseIdsByReference.apply(
                references.values().stream().filter(reference -> reference != null).toList());
        return runs.stream()
                .map(run -> {
                    String reference = references.get(run.getProcessInstanceId());
                    return new PhaseRun(phase.name(), reference, reference == null ? null : caseIds.get(reference),
                            at(run.getStartTime()), at(run.getEndTime()), days(run));
                })
                .sorted((a, b) -> Double.compare(b.days(), a.days()))
                .toList();
    }

    private List<HistoricActivityInstance> finishedRuns(String activityId, LocalDate from, LocalDate to) {
        ZoneId zone = clock.getZone();
        return history.createHistoricActivityInstanceQuery()
                .activityId(activityId)
                .finished()
                .finishedAfter(Date.from(from.atStartOfDay(zone).toInstant()))
                .finishedBefore(Date.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .list().stream()
                .filter(run -> !run.isCanceled() && CaseLifecycleProcess.KEY.equals(run.getProcessDefinitionKey()))
                .toList();
    }

    private static double days(HistoricActivityInstance run) {
        return (run.getEndTime().getTime() - run.getStartTime().getTime()) / MILLIS_PER_DAY;
    }

    static LocalDate weekStarting(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private LocalDate localDate(Date date) {
        return Instant.ofEpochMilli(date.getTime()).atZone(clock.getZone()).toLocalDate();
    }

    private OffsetDateTime at(Date date) {
        return date == null ? null : date.toInstant().atZone(clock.getZone()).toOffsetDateTime();
    }

    private static Map<CasePhase, String> activities() {
        Map<CasePhase, String> activities = new LinkedHashMap<>();
        activities.put(CasePhase.INTAKE, CaseLifecycleProcess.INTAKE);
        activities.put(CasePhase.AUTHORIZATION, CaseLifecycleProcess.AUTHORIZATION);
        activities.put(CasePhase.RETRIEVAL, CaseLifecycleProcess.RETRIEVAL + "#multiInstanceBody");
        activities.put(CasePhase.INDEXING, CaseLifecycleProcess.INDEXING);
        activities.put(CasePhase.CLINICAL_REVIEW, CaseLifecycleProcess.CLINICAL_REVIEW);
        activities.put(CasePhase.DEMAND_SUPPORT, CaseLifecycleProcess.DEMAND_SUPPORT);
        return Collections.unmodifiableMap(activities);
    }
}
