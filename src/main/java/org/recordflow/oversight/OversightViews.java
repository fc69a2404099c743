package org.recordflow.oversight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The figures and lists of the supervisor's dashboard, as the page and the JSON API show them. */
public final class OversightViews {

    private OversightViews() {
    }

    /**
     * The headline counts; each links to the list behind it. {@code overdueRequests} are past a legal
     * deadline; {@code pastRequestedDate} past the date a firm-policy rule asked for, where no statute
     * sets one.
     */
    public record Summary(LocalDate today, long openCases, Map<String, Long> openCasesByPhase,
                          Map<String, Long> requestsByStatus, long openRequests, long overdueRequests,
                          long requestsDueSoon, int dueSoonDays, long openEscalations, long renewalsDue,
                          int renewalLeadDays, long pastRequestedDate) {
    }

    public record CaseRow(long caseId, String caseReference, String clientName, String phase, String paralegalGroup,
                          OffsetDateTime openedAt) {
    }

    /** A record request; {@code dueOn} is the deadline in force (the extended one when extended). */
    public record RequestRow(long requestId, long caseId, String caseReference, String clientName, String holderName,
                             String recordType, String status, LocalDate sentOn, LocalDate providerReceivedOn,
                             LocalDate dueOn, LocalDate escalatedOn, int followUpsSent, boolean paused,
                             String processInstanceId) {
    }

    /** An open escalation and, when the request's process has one open, its escalation task. */
    public record Escalation(RequestRow request, String taskId, String taskName, String taskAssignee) {
    }

    /** One production: days to produce counts from the provider's receipt of the request. */
    public record Production(long requestId, long caseId, String caseReference, String holderName, String recordType,
                             LocalDate providerReceivedOn, LocalDate producedOn, long daysToProduce, String outcome,
                             boolean partial) {
    }

    public record HolderPerformance(String holderName, int productions, Double medianDaysToProduce,
                                    Double p90DaysToProduce, int partialProductions, double partialShare) {
    }

    /** Record holders over a period, slowest median first. */
    public record LeagueTable(LocalDate from, LocalDate to, List<HolderPerformance> holders) {
    }

    /** Open tasks of a user (assigned) or of a group (unassigned, offered to the group). */
    public record WorkloadEntry(String kind, String id, long openTasks, Long openCases, OffsetDateTime oldestTaskCreated,
                                String oldestTaskId, String oldestTaskName) {
    }

    public record Workload(List<WorkloadEntry> users, List<WorkloadEntry> groups) {
    }

    public record TaskRow(String taskId, String name, String assignee, OffsetDateTime created, OffsetDateTime due,
                          String caseReference, Long caseId) {
    }

    public record PhaseCycleTime(String phase, int finished, Double medianDays, Double p90Days) {
    }

    /** The median of the phase runs that finished in the week starting on {@code weekStarting} (a Monday). */
    public record WeeklyCycleTime(String phase, LocalDate weekStarting, int finished, Double medianDays) {
    }

    public record CycleTimes(LocalDate from, LocalDate to, List<PhaseCycleTime> phases, List<WeeklyCycleTime> weekly) {
    }

    /** One finished run of a phase in one case. */
    public record PhaseRun(String phase, String caseReference, Long caseId, OffsetDateTime started, OffsetDateTime ended,
                           double days) {
    }

    public record RenewalDue(long authorizationId, long caseId, String caseReference, String clientName, String scope,
                             LocalDate expiresOn) {
    }
}
