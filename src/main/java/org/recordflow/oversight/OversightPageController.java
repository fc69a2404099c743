package org.recordflow.oversight;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.recordflow.casefile.CasePhase;
import org.recordflow.oversight.OversightViews.CycleTimes;
import org.recordflow.oversight.OversightViews.LeagueTable;
import org.recordflow.oversight.OversightViews.Summary;
import org.recordflow.oversight.OversightViews.WeeklyCycleTime;
import org.recordflow.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;

/** The supervisor's dashboard and the list behind each of its numbers. */
@Controller
@RequestMapping("/oversight")
class OversightPageController {

    private static final String LIST = "oversight/list";

    private final OversightService oversight;
    private final WorkloadService workload;
    private final PhaseCycleTimes cycleTimes;
    private final OversightProperties properties;

    OversightPageController(OversightService oversight, WorkloadService workload, PhaseCycleTimes cycleTimes,
                            OversightProperties properties) {
        this.oversight = oversight;
        this.workload = workload;
        this.cycleTimes = cycleTimes;
        this.properties = properties;
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     Model model) {
        OversightService.Period period = oversight.period(from, to);
        Summary summary = oversight.summary();
        LeagueTable league = oversight.providerLeagueTable(period.from(), period.to());
        CycleTimes cycles = cycleTimes.cycleTimes(period.from(), period.to(), properties.trendWeeks());
        model.addAttribute("summary", summary);
        model.addAttribute("period", period);
        model.addAttribute("league", league);
        model.addAttribute("workload", workload.workload());
        model.addAttribute("cycleTimes", cycles);
        model.addAttribute("phaseChart", SvgCharts.horizontalBars("Open cases by phase",
                summary.openCasesByPhase().entrySet().stream().map(e -> new SvgCharts.Bar(label(e.getKey()), e.getValue(),
                        link("/oversight/cases", Map.of("phase", e.getKey())))).toList()));
        model.addAttribute("statusChart", SvgCharts.horizontalBars("Record requests by status",
                summary.requestsByStatus().entrySet().stream().map(e -> new SvgCharts.Bar(label(e.getKey()), e.getValue(),
                        link("/oversight/requests", Map.of("status", e.getKey())))).toList()));
        model.addAttribute("trendChart", trendChart(cycles));
        return "oversight/dashboard";
    }

    @GetMapping("/cases")
    String cases(@RequestParam(required = false) String phase, Model model) {
        return list(model, "cases", phase == null ? "Open cases" : "Open cases in " + label(phase), oversight.openCases(phase));
    }

    @GetMapping("/requests")
    String requests(@RequestParam String status, Model model) {
        return list(model, "requests", "Requests " + label(status).toLowerCase(java.util.Locale.ROOT),
                oversight.requestsWithStatus(status));
    }

    @GetMapping("/requests/overdue")
    String overdue(Model model) {
        return list(model, "requests", "Requests past their legal deadline", oversight.overdueRequests());
    }

    @GetMapping("/requests/past-requested-date")
    String pastRequestedDate(Model model) {
        return list(model, "requests", "Requests past the date we asked for (firm policy: no statutory deadline)",
                oversight.pastRequestedDate());
    }

    @GetMapping("/requests/due-soon")
    String dueSoon(Model model) {
        return list(model, "requests", "Requests due in the next " + properties.dueSoonDays() + " days",
                oversight.requestsDueSoon());
    }

    @GetMapping("/escalations")
    String escalations(Model model) {
        return list(model, "escalations", "Open escalations", oversight.openEscalations());
    }

    @GetMapping("/providers/productions")
    String productions(@RequestParam String holder,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       Model model) {
        OversightService.Period period = oversight.period(from, to);
        return list(model, "productions", "Productions of " + holder + ", " + period.from() + " to " + period.to(),
                oversight.productions(holder, period.from(), period.to()));
    }

    @GetMapping("/workload/tasks")
    String tasks(@RequestParam(required = false) String assignee, @RequestParam(required = false) String group,
                 Model model) {
        return list(model, "tasks", assignee != null ? "Open tasks of " + assignee : "Unclaimed tasks of group " + group,
                workload.openTasks(assignee, group));
    }

    @GetMapping("/cycle-times/runs")
    String runs(@RequestParam String phase,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        OversightService.Period period = oversight.period(from, to);
        CasePhase casePhase = OversightService.parse(CasePhase.class, "phase", phase);
        return list(model, "runs", label(casePhase.name()) + " phase, finished " + period.from() + " to " + period.to(),
                cycleTimes.runs(casePhase, period.from(), period.to()));
    }

    @GetMapping("/renewals")
    String renewals(Model model) {
        return list(model, "renewals", "Authorizations to renew", oversight.renewalsDue());
    }

    @ExceptionHandler(InvalidInputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidInputException e, Model model) {
        return list(model, "problems", "Cannot show this list", e.problems());
    }

    /** The one list template: {@code kind} chooses the columns of {@code rows}. */
    private static String list(Model model, String kind, String title, List<?> rows) {
        model.addAttribute("kind", kind);
        model.addAttribute("title", title);
        model.addAttribute("rows", rows);
        return LIST;
    }

    private static String trendChart(CycleTimes cycles) {
        Map<String, List<WeeklyCycleTime>> byPhase = cycles.weekly().stream()
                .collect(Collectors.groupingBy(WeeklyCycleTime::phase, java.util.LinkedHashMap::new, Collectors.toList()));
        List<String> weeks = byPhase.values().stream().findFirst().orElse(List.of()).stream()
                .map(w -> w.weekStarting().format(DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH))).toList();
        List<SvgCharts.Series> series = new ArrayList<>();
        byPhase.forEach((phase, values) -> series.add(new SvgCharts.Series(label(phase),
                values.stream().map(WeeklyCycleTime::medianDays).toList())));
        return SvgCharts.trendLines("Median days per phase, by week finished", weeks, series, "days");
    }

    /** RETRIEVAL -> Retrieval, RECEIVED_PARTIAL -> Received partial. */
    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String link(String path, Map<String, String> params) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        params.forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }
}
