package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.NodeTestBed.openEmailCase;
import static org.recordflow.support.NodeTestBed.progressNote;
import static org.recordflow.support.NodeTestBed.sha256;
import static org.recordflow.support.NodeTestBed.upload;

import java.text.SimpleDateFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.support.AppNode;
import org.recordflow.support.NodeTestBed;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Two Recordflow JVMs (the packaged jar) on one PostgreSQL, one document store directory and one
 * SMTP server, both running the job executor. A few hundred record requests are opened through
 * both; their follow-up timers are all made due at one instant; each follow-up must fire once and
 * its letter go out once, with both nodes doing part of the work.
 */
class ClusterIT {

    static final int CASES = Integer.getInteger("recordflow.cluster-test.cases", 80);
    static final int HOLDERS = 3;
    static final int REQUESTS = CASES * HOLDERS;
    static final Duration TIMEOUT = Duration.ofMinutes(4);
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    NodeTestBed bed;
    AppNode a;
    AppNode b;

    @BeforeEach
    void startNodes() {
        bed = NodeTestBed.start("cluster");
        // One after the other: the first start on an empty database creates the engine's schema
        a = bed.node("node-a").start();
        b = bed.node("node-b").start();
    }

    @AfterEach
    void stopNodes() {
        List.of(a, b).forEach(node -> {
            if (node != null) {
                node.stop();
            }
        });
        bed.close();
    }

    @Test
    void everyFollowUpFiresOnceAndItsLetterGoesOutOnceWhileBothNodesWork() throws Exception {
        openCasesThroughBothNodes();
        AppNode.await(TIMEOUT, () -> count("select count(*) from act_ru_event_subscr where event_name_ = 'PacketReceived'") == REQUESTS,
                REQUESTS + " requests sent and waiting for their packets");
        assertThat(bed.allMails()).as("first letters").hasSize(REQUESTS);

        List<String> followUps = followUpTimerJobs();
        assertThat(followUps).hasSize(REQUESTS);
        // All due at once: held (suspended) while their due dates are moved to now, then released together
        suspendFollowUps(true);
        setDueDate(followUps, Instant.now());
        assertThat(count("select count(*) from act_hi_actinst where act_id_ = 'StartEvent_FollowUpDue'")).isZero();
        suspendFollowUps(false);

        AppNode.await(TIMEOUT, () -> count("select count(*) from outbound_mail where status = 'SENT'") == 2L * REQUESTS
                && bed.allMails().size() >= 2 * REQUESTS, 2 * REQUESTS + " letters sent");

        // Every letter (first and follow-up) reached the server exactly once, under its outbox Message-ID
        List<String> outboxIds = bed.db().sql("select message_id from outbound_mail").query(String.class).list();
        assertThat(outboxIds).hasSize(2 * REQUESTS).doesNotHaveDuplicates();
        Map<String, Long> received = bed.allMails().stream()
                .collect(Collectors.groupingBy(NodeTestBed::messageId, Collectors.counting()));
        assertThat(received).hasSize(2 * REQUESTS).containsOnlyKeys(outboxIds);
        assertThat(received.values()).containsOnly(1L);
        assertThat(count("""
                select count(*) from (select request_id from outbound_mail group by request_id having count(*) = 2) two
                """)).as("requests with their first letter and one follow-up").isEqualTo(REQUESTS);

        // Each follow-up timer fired once: one activity instance per request process, one successful job run
        assertThat(bed.db().sql("""
                select count(*) from act_hi_actinst where act_id_ = 'StartEvent_FollowUpDue' group by proc_inst_id_
                """).query(Long.class).list()).hasSize(REQUESTS).containsOnly(1L);
        assertThat(bed.db().sql("""
                select count(*) from act_hi_job_log where act_id_ = 'StartEvent_FollowUpDue' and job_state_ = 2
                group by process_instance_id_
                """).query(Long.class).list()).hasSize(REQUESTS).containsOnly(1L);
        // The next follow-up of each request is scheduled again (a cycle timer), none is lost
        assertThat(followUpTimerJobs()).hasSize(REQUESTS);

        // Both nodes fired follow-up timers and delivered letters
        Map<String, Long> timersByNode = perHost("StartEvent_FollowUpDue");
        Map<String, Long> lettersByNode = perHost("Task_DeliverFollowUpEmail");
        assertThat(timersByNode).containsOnlyKeys("node-a", "node-b");
        assertThat(lettersByNode).containsOnlyKeys("node-a", "node-b");
        System.out.printf("Follow-up timers fired per node: %s; follow-up letters delivered per node: %s%n",
                timersByNode, lettersByNode);

        // A packet uploaded through node A is downloaded, byte for byte, through node B
        long request = bed.db().sql("select min(id) from record_request").query(Long.class).single();
        byte[] packet = progressNote("cluster");
        var uploaded = upload(a, request, "records.pdf", packet);
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        byte[] downloaded = b.rest().withBasicAuth("paula", "demo")
                .getForObject("/api/packets/{id}/original", byte[].class, uploaded.getBody().get("packetId"));
        assertThat(downloaded).isEqualTo(packet);
        assertThat(sha256(downloaded)).isEqualTo(uploaded.getBody().get("sha256"));
    }

    /** {@link #CASES} cases, half through each node, four at a time, as paula. */
    void openCasesThroughBothNodes() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < CASES; i++) {
                AppNode node = i % 2 == 0 ? a : b;
                String tag = "cluster-" + i;
                opened.add(pool.submit(() -> openEmailCase(node.api("paula", "demo"), tag, HOLDERS, "HOSPITAL")));
            }
            for (Future<String> future : opened) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    List<String> followUpTimerJobs() {
        TestRestTemplate admin = a.rest().withBasicAuth("admin", "demo");
        return admin.exchange("/engine-rest/job?activityId=StartEvent_FollowUpDue&timers=true", HttpMethod.GET, null, LIST)
                .getBody().stream().map(job -> (String) job.get("id")).toList();
    }

    /** As the admin would in Cockpit: engine REST {@code PUT /job/{id}/duedate}, half through each node. */
    void setDueDate(List<String> jobs, Instant due) {
        String duedate = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(Date.from(due));
        for (int i = 0; i < jobs.size(); i++) {
            TestRestTemplate admin = (i % 2 == 0 ? a : b).rest().withBasicAuth("admin", "demo");
            var response = admin.exchange("/engine-rest/job/{id}/duedate", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("duedate", duedate)), String.class, jobs.get(i));
            assertThat(response.getStatusCode()).as("setting the due date of job " + jobs.get(i)).isEqualTo(HttpStatus.NO_CONTENT);
        }
    }

    /** As the admin would in Cockpit: engine REST {@code PUT /job-definition/{id}/suspended}, jobs included. */
    void suspendFollowUps(boolean suspended) {
        TestRestTemplate admin = a.rest().withBasicAuth("admin", "demo");
        List<Map<String, Object>> definitions = admin.exchange("/engine-rest/job-definition?activityIdIn=StartEvent_FollowUpDue",
                HttpMethod.GET, null, LIST).getBody();
        assertThat(definitions).isNotEmpty();
        for (Map<String, Object> definition : definitions) {
            var response = admin.exchange("/engine-rest/job-definition/{id}/suspended", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("suspended", suspended, "includeJobs", true)), String.class, definition.get("id"));
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
    }

    Map<String, Long> perHost(String activityId) {
        return bed.db().sql("""
                select hostname_, count(*) from act_hi_job_log where act_id_ = ? and job_state_ = 2 group by hostname_
                """).param(activityId).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    long count(String sql) {
        return bed.db().sql(sql).query(Long.class).single();
    }
}
