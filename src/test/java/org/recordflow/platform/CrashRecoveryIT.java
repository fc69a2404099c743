package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.NodeTestBed.address;
import static org.recordflow.support.NodeTestBed.openEmailCase;
import static org.recordflow.support.NodeTestBed.progressNote;
import static org.recordflow.support.NodeTestBed.sha256;
import static org.recordflow.support.NodeTestBed.upload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.recordflow.support.AppNode;
import org.recordflow.support.NodeTestBed;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jakarta.mail.internet.MimeMessage;

/**
 * kill -9 of a real Recordflow JVM (the packaged jar on PostgreSQL) at the risky moments of its side
 * effects, held there by {@link FaultInjection}; then a restart on the same database and document
 * store. After each: every acknowledged packet is there with its hash, nothing unacknowledged is
 * half there (no file without its row, no row without its file, no leftover temporary file), no
 * timer is lost, and the interrupted work resumes by itself or on the client's retry.
 */
class CrashRecoveryIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    static NodeTestBed bed;
    AppNode node;
    Map<String, Object> timersBeforeTheCrash;

    @BeforeAll
    static void startBed() {
        bed = NodeTestBed.start("crash");
    }

    @AfterAll
    static void stopBed() {
        if (bed != null) {
            bed.close();
        }
    }

    @AfterEach
    void stopNode() {
        if (node != null) {
            node.stop();
        }
        bed.clearMarkers();
    }

    /**
     * A crash-test node: a job locked by a killed node is free again after 10 s (default 5 min), and
     * the store sweep at start removes orphans older than 2 s (default 1 h, for other nodes' uploads
     * in flight), then not again during the test. Armed at {@code haltAt} after {@code pass} earlier
     * passes, or not at all.
     */
    AppNode startNode(String haltAt, int pass) {
        node = bed.node("crash")
                .with("camunda.bpm.job-execution.lock-time-in-millis", "10000")
                .with("recordflow.storage.orphan-grace", "PT2S")
                .with("recordflow.storage.orphan-sweep-interval", "PT1H")
                .with(FaultInjection.HALT_AT, haltAt)
                .with(FaultInjection.PASS, String.valueOf(pass))
                .start();
        return node;
    }

    void killWhenHalted(String point) {
        AppNode.await(FLOW_TIMEOUT, () -> bed.halted(point), "the node to halt at " + point);
        node.kill();
    }

    void assertNothingHalfDone() {
        assertThat(bed.orphanFiles()).as("files in the store without their row").isEmpty();
        assertThat(bed.rowsWithoutTheirFile()).as("rows without their file").isEmpty();
        assertThat(bed.orphanRows()).as("orphan rows").isEmpty();
    }

    void assertTimersKept(Map<String, Object> before) {
        assertThat(bed.timerJobs()).as("timer jobs after the restart").containsAllEntriesOf(before);
    }

    void awaitWaitingForPacket(List<Long> requests) {
        AppNode.await(FLOW_TIMEOUT, () -> requests.stream().allMatch(bed::waitingForPacket),
                "requests " + requests + " to be sent and waiting for their packets");
    }

    List<Map<String, Object>> packetsOf(long requestId) {
        return node.rest().withBasicAuth("paula", "demo")
                .exchange("/api/requests/{id}/packets", HttpMethod.GET, null, LIST, requestId).getBody();
    }

    static boolean acknowledged(CompletableFuture<ResponseEntity<Map<String, Object>>> upload) throws Exception {
        try {
            return upload.get(30, TimeUnit.SECONDS).getStatusCode().is2xxSuccessful();
        } catch (java.util.concurrent.ExecutionException e) {
            return false; // the connection died with the node
        }
    }

    @Test
    void uploadKilledAfterItsFilesAreStoredLeavesTheAcknowledgedPacketAndNothingElse() throws Exception {
        startNode(FaultInjection.PACKET_STORED, 1);
        String reference = openEmailCase(node.api("paula", "demo"), "upload", 2, "PHYSICIAN_GROUP");
        List<Long> requests = bed.requestIds(reference);
        awaitWaitingForPacket(requests);
        byte[] first = progressNote("upload-first");
        var acknowledged = upload(node, requests.get(0), "first.pdf", first);
        assertThat(acknowledged.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> timers = bed.timerJobs();

        var second = CompletableFuture.supplyAsync(() -> upload(node, requests.get(1), "second.pdf", progressNote("upload-second")));
        killWhenHalted(FaultInjection.PACKET_STORED);
        assertThat(acknowledged(second)).as("the upload cut by the crash is not acknowledged").isFalse();
        assertThat(bed.orphanFiles()).as("the crash leaves the killed upload's files behind").isNotEmpty();

        startNode(null, 0);
        List<Map<String, Object>> kept = packetsOf(requests.get(0));
        assertThat(kept).singleElement().satisfies(packet -> assertThat(packet.get("sha256")).isEqualTo(sha256(first)));
        byte[] original = node.rest().withBasicAuth("paula", "demo")
                .getForObject("/api/packets/{id}/original", byte[].class, kept.get(0).get("id"));
        assertThat(sha256(original)).isEqualTo(sha256(first));
        assertThat(packetsOf(requests.get(1))).as("the unacknowledged packet").isEmpty();
        assertNothingHalfDone();
        assertTimersKept(timers);
        assertThat(bed.waitingForPacket(requests.get(1))).as("the second request still waits for its packet").isTrue();
    }

    @Test
    void indexingKilledWhileTheBinderIsStoredResumesByItselfAfterTheRestart() throws Exception {
        startNode(FaultInjection.BINDER_STORED, 0);
        var paula = node.api("paula", "demo");
        String reference = openEmailCase(paula, "index", 1, "PHYSICIAN_GROUP");
        long request = bed.requestIds(reference).get(0);
        awaitWaitingForPacket(List.of(request));
        byte[] packet = progressNote("index");

        var acknowledged = upload(node, request, "records.pdf", packet);
        assertThat(acknowledged.getStatusCode()).as("the upload does not wait for the binder").isEqualTo(HttpStatus.CREATED);
        killWhenHalted(FaultInjection.BINDER_STORED);
        assertThat(bed.orphanFiles()).as("the crash leaves the unfinished binder's file behind").isNotEmpty();
        Map<String, Object> timers = bed.timerJobs();

        startNode(null, 0);
        var qualityCheck = node.api("paula", "demo");
        AppNode.await(FLOW_TIMEOUT, () -> qualityCheck.tasks("Task_CheckRecordQuality", reference).size() == 1,
                "the binder job to run again and the quality-check task of " + reference + " to appear");
        assertThat(packetsOf(request)).singleElement()
                .satisfies(kept -> assertThat(kept.get("sha256")).isEqualTo(sha256(packet)));
        assertThat(bed.db().sql("select count(*) from binder where case_id = ?").param(bed.caseId(reference))
                .query(Long.class).single()).isEqualTo(1);
        assertNothingHalfDone();
        assertTimersKept(timers);
    }

    @Test
    void mailKilledBeforeTheServerHasItGoesOutOnceAfterTheRestart() {
        long request = killWhileMailing(FaultInjection.MAIL_SENDING, "mail-before", "SENDING", 0);

        assertThat(copiesAfterTheRestart(request, "mail-before")).isEqualTo(1);
    }

    /**
     * The window mail cannot close: the server has the letter, the node dies before SENT commits. The
     * retry sends it again with the same Message-ID, by which receiving mail systems drop the copy.
     */
    @Test
    void mailKilledAfterTheServerAcceptedItIsSentAgainWithTheSameMessageId() {
        long request = killWhileMailing(FaultInjection.MAIL_ACCEPTED, "mail-after", "SENDING", 1);

        assertThat(copiesAfterTheRestart(request, "mail-after")).as("the first copy and the retry's").isEqualTo(2);
    }

    /** Marked SENT, killed before the delivery job commits: the retried job finds it SENT and does not send it again. */
    @Test
    void mailKilledAfterItIsMarkedSentIsNotSentAgain() {
        long request = killWhileMailing(FaultInjection.MAIL_SENT, "mail-sent", "SENT", 1);

        assertThat(copiesAfterTheRestart(request, "mail-sent")).isEqualTo(1);
    }

    /** Opens a case with one e-mail holder on a node armed at {@code point}; kills it there; returns the request. */
    long killWhileMailing(String point, String tag, String outboxStatusAtTheCrash, int mailsAtTheCrash) {
        startNode(point, 0);
        timersBeforeTheCrash = bed.timerJobs();
        String reference = openEmailCase(node.api("paula", "demo"), tag, 1, "HOSPITAL");
        long request = bed.requestIds(reference).get(0);
        killWhenHalted(point);
        assertThat(outboxStatus(request)).isEqualTo(outboxStatusAtTheCrash);
        assertThat(bed.mailsTo(address(tag, 1))).hasSize(mailsAtTheCrash);
        return request;
    }

    /**
     * Restarts; the delivery job, its lock expired, runs again and the request goes on to wait.
     * Returns how many copies of the letter the server received, each under the outbox's Message-ID.
     */
    int copiesAfterTheRestart(long request, String tag) {
        startNode(null, 0);
        awaitWaitingForPacket(List.of(request));
        assertThat(outboxStatus(request)).isEqualTo("SENT");
        assertThat(timersOf(request)).as("follow-up and deadline timers of the resumed request").hasSize(2);
        assertTimersKept(timersBeforeTheCrash);
        assertNothingHalfDone();
        List<MimeMessage> mails = bed.mailsTo(address(tag, 1));
        assertThat(mails).extracting(NodeTestBed::messageId).containsOnly(outboxMessageId(request));
        return mails.size();
    }

    String outboxStatus(long request) {
        return bed.db().sql("select status from outbound_mail where request_id = ?").param(request).query(String.class).single();
    }

    String outboxMessageId(long request) {
        return bed.db().sql("select message_id from outbound_mail where request_id = ?").param(request).query(String.class).single();
    }

    List<String> timersOf(long request) {
        return bed.db().sql("select id_ from act_ru_job where type_ = 'timer' and process_instance_id_ = ?")
                .param(bed.processOf(request)).query(String.class).list();
    }
}
