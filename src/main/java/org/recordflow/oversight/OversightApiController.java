package org.recordflow.oversight;

import java.time.LocalDate;
import java.util.List;

import org.recordflow.casefile.CasePhase;
import org.recordflow.oversight.OversightViews.CaseRow;
import org.recordflow.oversight.OversightViews.CycleTimes;
import org.recordflow.oversight.OversightViews.Escalation;
import org.recordflow.oversight.OversightViews.LeagueTable;
import org.recordflow.oversight.OversightViews.PhaseRun;
import org.recordflow.oversight.OversightViews.Production;
import org.recordflow.oversight.OversightViews.RenewalDue;
import org.recordflow.oversight.OversightViews.RequestRow;
import org.recordflow.oversight.OversightViews.Summary;
import org.recordflow.oversight.OversightViews.TaskRow;
import org.recordflow.oversight.OversightViews.Workload;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The supervisor's figures as JSON, for supervisors and admins; described at /v3/api-docs. Refused input: 400 (platform's ApiErrorHandler). */
@RestController
@RequestMapping("/api/oversight")
@Tag(name = "Oversight", description = "Figures across all cases for supervisors: deadlines, providers, workload, cycle times")
class OversightApiController {

    private final OversightService oversight;
    private final WorkloadService workload;
    private final PhaseCycleTimes cycleTimes;
    private final OversightProperties properties;

    OversightApiController(OversightService oversight, WorkloadService workload, PhaseCycleTimes cycleTimes,
                           OversightProperties properties) {
        this.oversight = oversight;
        this.workload = workload;
        this.cycleTimes = cycleTimes;
        this.properties = properties;
    }

    @GetMapping("/summary")
    @Operation(summary = "Headline counts: open cases by phase, requests by status, overdue, due soon, escalations, renewals")
    Summary summary() {
        return oversight.summary();
    }

    @GetMapping("/cases")
    @Operation(summary = "Open cases, optionally in one phase")
    List<CaseRow> cases(@RequestParam(required = false) @Parameter(description = "e.g. RETRIEVAL") String phase) {
        return oversight.openCases(phase);
    }

    @GetMapping("/requests")
    @Operation(summary = "Record requests with a status")
    List<RequestRow> requests(@RequestParam @Parameter(description = "TO_SEND, SENT, RECEIVED_COMPLETE, ...") String status) {
        return oversight.requestsWithStatus(status);
    }

    @GetMapping("/requests/overdue")
    @Operation(summary = "Open requests past their legal deadline (the extended one when extended)")
    List<RequestRow> overdue() {
        return oversight.overdueRequests();
    }

    @GetMapping("/requests/past-requested-date")
    @Operation(summary = "Open requests past the date a firm-policy rule asked for (no statutory deadline applies)")
    List<RequestRow> pastRequestedDate() {
        return oversight.pastRequestedDate();
    }

    @GetMapping("/requests/due-soon")
    @Operation(summary = "Open requests due today or within recordflow.oversight.due-soon-days")
    List<RequestRow> dueSoon() {
        return oversight.requestsDueSoon();
    }

    @GetMapping("/escalations")
    @Operation(summary = "Open escalated requests, with their open escalation task if any")
    List<Escalation> escalations() {
        return oversight.openEscalations();
    }

    @GetMapping("/providers")
    @Operation(summary = "Provider league table: days to produce (median, p90) and share of partial productions per record holder")
    LeagueTable providers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return oversight.providerLeagueTable(from, to);
    }

    @GetMapping("/providers/productions")
    @Operation(summary = "The productions of one record holder in the period")
    List<Production> productions(@RequestParam String holder,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return oversight.productions(holder, from, to);
    }

    @GetMapping("/workload")
    @Operation(summary = "Open tasks per user and per group (unclaimed), open cases per paralegal group, oldest task")
    Workload workload() {
        return workload.workload();
    }

    @GetMapping("/workload/tasks")
    @Operation(summary = "The open tasks of a user (assignee) or the unclaimed tasks of a group")
    List<TaskRow> tasks(@RequestParam(required = false) String assignee, @RequestParam(required = false) String group) {
        return workload.openTasks(assignee, group);
    }

    @GetMapping("/cycle-times")
    @Operation(summary = "Days per phase (median, p90) for runs finished in the period, and the weekly median")
    CycleTimes cycleTimes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        OversightService.Period period = oversight.period(from, to);
        return cycleTimes.cycleTimes(period.from(), period.to(), properties.trendWeeks());
    }

    @GetMapping("/cycle-times/runs")
    @Operation(summary = "The finished runs of one phase in the period, longest first")
    List<PhaseRun> runs(@RequestParam String phase,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        OversightService.Period period = oversight.period(from, to);
        return cycleTimes.runs(OversightService.parse(CasePhase.class, "phase", phase), period.from(), period.to());
    }

    @GetMapping("/renewals")
    @Operation(summary = "Active authorizations of open cases expiring within the renewal lead days (or already past)")
    List<RenewalDue> renewals() {
        return oversight.renewalsDue();
    }
}
