package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Docker is not available to run docker-compose.yml here, so its monitoring part is checked by
 * reading: the compose services mount the files that exist, Prometheus scrapes the endpoint with the
 * user the application creates, and Grafana's dashboard uses the provisioned data source.
 */
class MonitoringFilesTest {

    static final Path MONITORING = Path.of("src/main/monitoring");
    private static final Pattern RECORDFLOW_SERIES = Pattern.compile("recordflow_[a-z_]+");

    @Test
    void prometheusScrapesTheActuatorWithTheScrapeUserOfTheCompose() throws IOException {
        Map<String, Object> prometheus = yaml(MONITORING.resolve("prometheus/prometheus.yml"));
        Map<String, Object> job = first(prometheus.get("scrape_configs"));
        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        Map<String, Object> basicAuth = map(job.get("basic_auth"));
        assertThat(basicAuth).containsEntry("password_file", "/etc/prometheus/scrape-password");

        Map<String, Object> compose = yaml(Path.of("docker-compose.yml"));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> recordflowEnvironment = map(map(services.get("recordflow")).get("environment"));
        assertThat(basicAuth.get("username")).isEqualTo(recordflowEnvironment.get("RECORDFLOW_METRICS_USER"));
        assertThat(first(map(services.get("prometheus")).get("configs"))).containsEntry("target", "/etc/prometheus/scrape-password");
        assertThat(map(compose.get("configs"))).containsKey("prometheus-scrape-password");
        assertThat(map(first(map(job).get("static_configs"))).get("targets").toString()).contains("recordflow:8080");
    }

    @Test
    void composeMountsMonitoringFilesThatExist() throws IOException {
        Map<String, Object> services = map(yaml(Path.of("docker-compose.yml")).get("services"));
        for (String service : List.of("prometheus", "grafana")) {
            for (Object volume : (List<?>) map(services.get(service)).get("volumes")) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Path.of(source)).as("%s mounts %s", service, source).exists();
                }
            }
        }
    }

    @Test
    void grafanaDashboardReadsTheProvisionedDataSource() throws IOException {
        Map<String, Object> datasources = yaml(MONITORING.resolve("grafana/provisioning/datasources/prometheus.yml"));
        Object uid = first(datasources.get("datasources")).get("uid");
        JsonNode dashboard = dashboard();
        assertThat(dashboard.get("uid").asText()).isNotBlank();
        assertThat(dashboard.get("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.at("/datasource/uid").asText()).as(panel.get("title").asText()).isEqualTo(uid);
            assertThat(panel.get("targets")).as(panel.get("title").asText()).isNotEmpty();
        }
    }

    /** Every recordflow_ series name that the Grafana dashboard's queries use. */
    static Set<String> seriesUsedByTheGrafanaDashboard() throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher series = RECORDFLOW_SERIES.matcher(target.get("expr").asText());
                while (series.find()) {
                    names.add(series.group());
                }
            }
        }
        return names;
    }

    private static JsonNode dashboard() throws IOException {
        return new ObjectMapper().readTree(MONITORING.resolve("grafana/dashboards/recordflow.json").toFile());
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> first(Object list) {
        return map(((List<?>) list).get(0));
    }
}
