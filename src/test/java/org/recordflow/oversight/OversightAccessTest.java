package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard for supervisors and admins only, its OpenAPI description behind login, and the
 * Prometheus scrape: authenticated, in the text format, carrying Recordflow's series from the cache.
 */
@RecordflowSpringTest
public class OversightAccessTest {

    public static final String SCRAPE_USER = "prometheus";
    public static final String SCRAPE_PASSWORD = "prometheus-demo";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OversightMetrics metrics;

    @BeforeEach
    void todayIsTheDataSetsToday() {
        ClockUtil.setCurrentTime(Date.from(OversightDataSet.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void dashboardRendersForASupervisorWithTheFiguresAndTheLinksBehindThem() {
        OversightDataSet data = new OversightDataSet(jdbc).write();

        ResponseEntity<String> page = http.withBasicAuth("sam", "demo").getForEntity("/oversight", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody())
                .contains("href=\"/oversight/requests/overdue\"", "href=\"/oversight/requests/due-soon\"",
                        "href=\"/oversight/escalations\"", "href=\"/oversight/renewals\"")
                .contains("<svg", "href=\"/oversight/cases?phase=RETRIEVAL\"", "href=\"/oversight/requests?status=SENT\"")
                .contains(data.mercy(), "<td>21.0</td>", "<td>28.2</td>", "1 (33%)")
                .contains("href=\"/oversight/workload/tasks?group=" + data.group() + "\"")
                .contains("Median days per phase, by week finished");
        String list = http.withBasicAuth("sam", "demo").getForObject("/oversight/requests/overdue", String.class);
        assertThat(list).contains("href=\"/cases/" + data.retrievalCaseId + "\"", "Open Holder " + data.tag);
    }

    @Test
    void adminMaySeeTheDashboard() {
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/oversight", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void cockpitStaysOpenToSupervisorsAndAdmins() {
        for (String user : new String[] {"sam", "admin"}) {
            ResponseEntity<String> cockpit = http.withBasicAuth(user, "demo").getForEntity("/camunda/app/cockpit/default/", String.class);
            assertThat(cockpit.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(cockpit.getBody()).as(user).containsIgnoringCase("cockpit").doesNotContain("name=\"password\"");
        }
    }

    @Test
    void paralegalIsRefusedTheDashboardItsListsAndItsApi() {
        TestRestTemplate paula = http.withBasicAuth("paula", "demo");
        assertThat(paula.getForEntity("/oversight", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paula.getForEntity("/oversight/requests/overdue", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paula.getForEntity("/api/oversight/summary", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/oversight/summary", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void openApiDescriptionNeedsALoginAndDescribesTheOversightApi() {
        // An anonymous browser is sent to the login page (TestRestTemplate follows the redirect)
        assertThat(http.getForObject("/v3/api-docs", String.class)).contains("name=\"password\"").doesNotContain("openapi");
        assertThat(http.getForObject("/swagger-ui/index.html", String.class)).contains("name=\"password\"");
        ResponseEntity<String> docs = http.withBasicAuth("sam", "demo").getForEntity("/v3/api-docs", String.class);
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody()).contains("\"openapi\":\"3.", "/api/oversight/summary", "/api/oversight/providers",
                "/api/oversight/cycle-times", "/api/oversight/workload", "medianDaysToProduce");
        assertThat(http.withBasicAuth("sam", "demo").getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void scrapeParsesAsPrometheusTextAndCarriesRecordflowSeries() {
        new OversightDataSet(jdbc).write();
        metrics.refresh();

        Map<String, Double> series = PrometheusText.parse(scrape());

        assertThat(series).containsKeys("recordflow_requests_open{status=\"SENT\"}", "recordflow_requests_open{status=\"TO_SEND\"}",
                "recordflow_requests_overdue", "recordflow_escalations_open", "recordflow_followups_sent_total",
                "recordflow_mails_failed", "recordflow_packets_received_total", "recordflow_pages_indexed_total",
                "recordflow_jobs_due", "recordflow_incidents_open", "recordflow_metrics_refreshed_timestamp_seconds");
        assertThat(series.get("recordflow_requests_overdue")).isGreaterThanOrEqualTo(3);
        assertThat(series.get("recordflow_escalations_open")).isGreaterThanOrEqualTo(1);
        assertThat(series.get("recordflow_metrics_refreshed_timestamp_seconds"))
                .isEqualTo(OversightDataSet.TODAY.atTime(12, 0).toEpochSecond(ZoneOffset.UTC));
    }

    @Test
    void everySeriesTheGrafanaDashboardQueriesIsScraped() throws Exception {
        metrics.refresh();
        Set<String> scraped = PrometheusText.parse(scrape()).keySet().stream().map(series -> series.replaceAll("\\{.*", ""))
                .collect(Collectors.toSet());

        assertThat(MonitoringFilesTest.seriesUsedByTheGrafanaDashboard()).isNotEmpty().allSatisfy(name ->
                assertThat(scraped).contains(name));
    }

    @Test
    void scrapeReadsTheCachedFiguresAndARefreshUpdatesThem() {
        OversightDataSet data = new OversightDataSet(jdbc).write();
        double overdue = metrics.refresh().overdueRequests();
        assertThat(PrometheusText.parse(scrape()).get("recordflow_requests_overdue")).isEqualTo(overdue);

        data.addOverdueRequest();
        assertThat(PrometheusText.parse(scrape()).get("recordflow_requests_overdue")).as("no query on scrape").isEqualTo(overdue);

        metrics.refresh();
        assertThat(PrometheusText.parse(scrape()).get("recordflow_requests_overdue")).isEqualTo(overdue + 1);
    }

    @Test
    void scrapeNeedsTheScrapeUserOrASupervisor() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("paula", "demo").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth(SCRAPE_USER, SCRAPE_PASSWORD).getForEntity("/oversight", String.class).getStatusCode())
                .as("the scrape user is no supervisor").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theScrapeUserReadsMetricsAndNoCaseDataNorTheEngineApi() {
        TestRestTemplate scraper = http.withBasicAuth(SCRAPE_USER, SCRAPE_PASSWORD);
        assertThat(scraper.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scraper.getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(scraper.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("paula", "demo").getForEntity("/api/cases", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void readerRefusesWhatIsNotTheTextFormat() {
        assertThatThrownBy(() -> PrometheusText.parse("recordflow_jobs_due twelve\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE recordflow_jobs_due gauges\n")).hasMessageContaining("malformed");
        assertThatThrownBy(() -> PrometheusText.parse("x 1\nx 2\n")).hasMessageContaining("repeated");
    }

    private String scrape() {
        ResponseEntity<String> response = http.withBasicAuth(SCRAPE_USER, SCRAPE_PASSWORD).getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/plain");
        return response.getBody();
    }
}
