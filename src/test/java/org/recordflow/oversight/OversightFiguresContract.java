package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.oversight.OversightViews.HolderPerformance;
import org.recordflow.oversight.OversightViews.Summary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisor's figures on a seeded data set with known answers ({@link OversightDataSet}), through
 * the JSON API as sam (supervisors); run against each supported database by the subclasses.
 */
abstract class OversightFiguresContract {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OversightService oversight;
    @Autowired
    TaskService tasks;

    TestRestTemplate sam;

    @BeforeEach
    void todayIsTheDataSetsToday() {
        ClockUtil.setCurrentTime(Date.from(OversightDataSet.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC)));
        sam = http.withBasicAuth("sam", "demo");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void headlineCountsGrowByExactlyWhatTheDataSetAdds() {
        Summary before = oversight.summary();
        new OversightDataSet(jdbc).write();
        Map<String, Object> after = get("/api/oversight/summary", MAP);

        assertThat(number(after, "overdueRequests") - before.overdueRequests()).isEqualTo(3);
        assertThat(number(after, "pastRequestedDate") - before.pastRequestedDate()).isEqualTo(1);
        assertThat(number(after, "requestsDueSoon") - before.requestsDueSoon()).isEqualTo(2);
        assertThat(number(after, "openEscalations") - before.openEscalations()).isEqualTo(1);
        assertThat(number(after, "renewalsDue") - before.renewalsDue()).isEqualTo(1);
        assertThat(number(after, "openCases") - before.openCases()).isEqualTo(2);
        assertThat(number(after, "openRequests") - before.openRequests()).isEqualTo(9);
        @SuppressWarnings("unchecked")
        Map<String, Number> byPhase = (Map<String, Number>) after.get("openCasesByPhase");
        assertThat(byPhase.get("RETRIEVAL").longValue() - before.openCasesByPhase().get("RETRIEVAL")).isEqualTo(1);
        assertThat(byPhase.get("INDEXING").longValue() - before.openCasesByPhase().get("INDEXING")).isEqualTo(1);
        assertThat(byPhase).doesNotContainKey("DEMAND_READY");
        @SuppressWarnings("unchecked")
        Map<String, Number> byStatus = (Map<String, Number>) after.get("requestsByStatus");
        assertThat(byStatus.get("SENT").longValue() - before.requestsByStatus().get("SENT")).isEqualTo(8);
        assertThat(byStatus.get("RECEIVED_PARTIAL").longValue() - before.requestsByStatus().get("RECEIVED_PARTIAL")).isEqualTo(1);
    }

    @Test
    void listsBehindTheCountsHoldTheSeededRows() {
        OversightDataSet data = new OversightDataSet(jdbc).write();

        assertThat(ids(ofDataSet(get("/api/oversight/requests/overdue", LIST), data)))
                .containsExactlyInAnyOrderElementsOf(data.overdueRequestIds);
        List<Map<String, Object>> overdue = ofDataSet(get("/api/oversight/requests/overdue", LIST), data);
        assertThat(overdue).extracting(r -> r.get("dueOn")).containsExactly("2026-06-01", "2026-06-10", "2026-06-14");
        assertThat(overdue.get(0)).containsEntry("caseReference", "OV-" + data.tag + "-R").containsEntry("clientName", "Client " + data.tag);
        assertThat(ids(ofDataSet(get("/api/oversight/requests/past-requested-date", LIST), data)))
                .containsExactly(data.pastRequestedDateId);
        assertThat(ids(ofDataSet(get("/api/oversight/requests/due-soon", LIST), data)))
                .containsExactlyInAnyOrderElementsOf(data.dueSoonRequestIds);

        List<Map<String, Object>> escalations = get("/api/oversight/escalations", LIST).stream()
                .filter(e -> ((Map<?, ?>) e.get("request")).get("holderName").toString().endsWith(data.tag)).toList();
        assertThat(escalations).hasSize(1);
        assertThat(((Number) ((Map<?, ?>) escalations.get(0).get("request")).get("requestId")).longValue())
                .isEqualTo(data.escalatedRequestId);

        assertThat(get("/api/oversight/renewals", LIST)).filteredOn(a -> a.get("caseReference").toString().contains(data.tag))
                .extracting(a -> ((Number) a.get("authorizationId")).longValue()).containsExactly(data.renewalAuthorizationId);
        assertThat(get("/api/oversight/cases?phase=retrieval", LIST))
                .filteredOn(c -> c.get("caseReference").toString().contains(data.tag))
                .extracting(c -> ((Number) c.get("caseId")).longValue()).containsExactly(data.retrievalCaseId);
        assertThat(get("/api/oversight/requests?status=RECEIVED_PARTIAL", LIST))
                .filteredOn(r -> data.mercy().equals(r.get("holderName"))).hasSize(1);
    }

    @Test
    void providerLeagueTableGivesMedianP90AndPartialSharePerHolder() {
        OversightDataSet data = new OversightDataSet(jdbc).write();

        Map<String, Object> league = get("/api/oversight/providers?from=2026-05-01&to=2026-06-30", MAP);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> holders = (List<Map<String, Object>>) league.get("holders");
        Map<String, Object> mercy = holders.stream().filter(h -> data.mercy().equals(h.get("holderName"))).findFirst().orElseThrow();
        assertThat(((Number) mercy.get("productions")).intValue()).as("January and unknown receipt left out").isEqualTo(3);
        assertThat(((Number) mercy.get("medianDaysToProduce")).doubleValue()).isEqualTo(21.0);
        assertThat(((Number) mercy.get("p90DaysToProduce")).doubleValue()).isCloseTo(28.2, within(1e-9));
        assertThat(((Number) mercy.get("partialProductions")).intValue()).isEqualTo(1);
        assertThat(((Number) mercy.get("partialShare")).doubleValue()).isCloseTo(1 / 3d, within(1e-9));

        HolderPerformance bay = oversight.providerLeagueTable(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 6, 30)).holders()
                .stream().filter(h -> h.holderName().equals(data.bayImaging())).findFirst().orElseThrow();
        assertThat(bay.medianDaysToProduce()).isEqualTo(7.0);
        assertThat(bay.p90DaysToProduce()).isCloseTo(8.6, within(1e-9));
        assertThat(bay.partialShare()).isZero();
        assertThat(holders.indexOf(mercy)).as("slowest first").isLessThan(indexOf(holders, data.bayImaging()));

        List<Map<String, Object>> productions = get("/api/oversight/providers/productions?holder={h}&from=2026-05-01&to=2026-06-30",
                LIST, data.mercy());
        assertThat(productions).extracting(p -> ((Number) p.get("daysToProduce")).intValue()).containsExactly(14, 21, 30);
    }

    @Test
    void periodBeforeItsStartIsRefusedWithTheProblem() {
        ResponseEntity<Map<String, Object>> refused = sam.exchange("/api/oversight/providers?from=2026-07-01&to=2026-06-01",
                HttpMethod.GET, null, MAP);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().get("problems").toString()).contains("from: must not be after to");
        assertThat(sam.exchange("/api/oversight/requests?status=LOST", HttpMethod.GET, null, MAP).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void workloadCountsAssignedTasksPerUserAndUnclaimedTasksAndOpenCasesPerGroup() {
        OversightDataSet data = new OversightDataSet(jdbc).write();
        String user = "ovs-user-" + data.tag;
        Task oldest = standaloneTask("Chase Mercy", user, null, LocalDate.of(2026, 6, 1));
        Task newer = standaloneTask("Call Bay Imaging", user, null, LocalDate.of(2026, 6, 10));
        Task unclaimed = standaloneTask("Review escalation", null, data.group(), LocalDate.of(2026, 6, 12));
        try {
            Map<String, Object> workload = get("/api/oversight/workload", MAP);
            Map<String, Object> userEntry = entry(workload, "users", user);
            assertThat(((Number) userEntry.get("openTasks")).intValue()).isEqualTo(2);
            assertThat(userEntry.get("oldestTaskId")).isEqualTo(oldest.getId());
            Map<String, Object> groupEntry = entry(workload, "groups", data.group());
            assertThat(((Number) groupEntry.get("openTasks")).intValue()).isEqualTo(1);
            assertThat(((Number) groupEntry.get("openCases")).intValue()).isEqualTo(2);
            assertThat(groupEntry.get("oldestTaskId")).isEqualTo(unclaimed.getId());

            assertThat(get("/api/oversight/workload/tasks?assignee={u}", LIST, user)).extracting(t -> t.get("taskId"))
                    .containsExactly(oldest.getId(), newer.getId());
            assertThat(get("/api/oversight/workload/tasks?group={g}", LIST, data.group())).extracting(t -> t.get("taskId"))
                    .containsExactly(unclaimed.getId());
        } finally {
            List.of(oldest, newer, unclaimed).forEach(task -> tasks.deleteTask(task.getId(), true));
        }
    }

    private Task standaloneTask(String name, String assignee, String candidateGroup, LocalDate created) {
        ClockUtil.setCurrentTime(Date.from(created.atTime(9, 0).toInstant(ZoneOffset.UTC)));
        Task task = tasks.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        tasks.saveTask(task);
        if (candidateGroup != null) {
            tasks.addCandidateGroup(task.getId(), candidateGroup);
        }
        ClockUtil.setCurrentTime(Date.from(OversightDataSet.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC)));
        return task;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(Map<String, Object> workload, String kind, String id) {
        return ((List<Map<String, Object>>) workload.get(kind)).stream().filter(e -> id.equals(e.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + kind + ": " + workload.get(kind)));
    }

    private <T> T get(String path, ParameterizedTypeReference<T> type, Object... params) {
        ResponseEntity<T> response = sam.exchange(path, HttpMethod.GET, null, type, params);
        assertThat(response.getStatusCode()).as("%s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<Map<String, Object>> ofDataSet(List<Map<String, Object>> requests, OversightDataSet data) {
        return requests.stream().filter(r -> r.get("holderName").toString().endsWith(data.tag)).toList();
    }

    private static List<Long> ids(List<Map<String, Object>> requests) {
        return requests.stream().map(r -> ((Number) r.get("requestId")).longValue()).toList();
    }

    private static long number(Map<String, Object> json, String field) {
        return ((Number) json.get(field)).longValue();
    }

    private static int indexOf(List<Map<String, Object>> holders, String name) {
        for (int i = 0; i < holders.size(); i++) {
            if (name.equals(holders.get(i).get("holderName"))) {
                return i;
            }
        }
        return -1;
    }
}
