package org.recordflow.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.recordflow.support.IntakeForms.holder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.support.ApiTestSupport;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The mail server is down: the delivery job retries every five minutes, five times, then raises an
 * incident supervisors see in Cockpit; an administrator retries it once the server is back, and the
 * letter goes out once.
 */
@RecordflowSpringTest
class MailRetriesTest extends ApiTestSupport {

    static final Instant TODAY = Instant.parse("2026-11-20T15:00:00Z");

    @Autowired
    MailOutbox outbox;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    GreenMail smtp;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
    }

    @AfterEach
    void stopMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void deliveryRetriesWithBackOffThenRaisesAnIncidentAndSendsOnceWhenRetriedByAnAdministrator() {
        ProcessInstance request = requestInRetrieval("CA", holder("Kaiser Oakland", "HOSPITAL", "EMAIL", "roi@kaiser.example"));
        long mailId = ((Number) runtime.getVariable(request.getId(), "outboundMailId")).longValue();

        Instant now = TODAY;
        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = deliveryJob(request);
            assertThat(executableJobs(request)).as("attempt %d is due", attempt).isEqualTo(1);
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("was not accepted by the mail server");
            Job failed = deliveryJob(request);
            assertThat(failed.getRetries()).isEqualTo(5 - attempt);
            assertThat(failed.getExceptionMessage()).contains("Mail " + mailId);
            if (attempt < 5) {
                assertThat(failed.getDuedate()).as("back-off after attempt %d", attempt)
                        .isEqualTo(Date.from(now.plus(Duration.ofMinutes(5))));
                assertThat(executableJobs(request)).as("not retried before its back-off").isZero();
                assertThat(runtime.createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
                now = now.plus(Duration.ofMinutes(5));
                ClockUtil.setCurrentTime(Date.from(now));
            }
        }
        assertThat(outbox.find(mailId).orElseThrow().status()).isEqualTo(OutboundMail.Status.FAILED);
        assertThat(outbox.find(mailId).orElseThrow().attempts()).isEqualTo(5);
        List<?> incidents = http.withBasicAuth("sam", "demo")
                .getForObject("/engine-rest/incident?processInstanceId={id}", List.class, request.getId());
        assertThat(incidents).hasSize(1);
        assertThat(((Map<?, ?>) incidents.get(0)).get("incidentType")).isEqualTo("failedJob");

        smtp = new GreenMail(ServerSetupTest.SMTP);
        smtp.start();
        String jobId = deliveryJob(request).getId();
        assertThat(retry(jobId, "sam")).as("supervisors watch, they do not operate").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(retry(jobId, "admin")).isEqualTo(HttpStatus.NO_CONTENT);
        management.executeJob(jobId);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(outbox.find(mailId).orElseThrow().status()).isEqualTo(OutboundMail.Status.SENT);
        assertThat(runtime.createIncidentQuery().processInstanceId(request.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(request.getId()).activityId("Task_DeliverRequestEmail").count())
                .isZero();
    }

    /** Otherwise a slow mail server could keep an attempt alive past its lock, and another node would send it too. */
    @Test
    void aDeliveryAttemptEndsWellWithinTheLockOfItsJob() {
        var properties = ((JavaMailSenderImpl) mailSender).getJavaMailProperties();
        long longestAttempt = Stream.of("mail.smtp.connectiontimeout", "mail.smtp.timeout", "mail.smtp.writetimeout")
                .mapToLong(name -> Long.parseLong(properties.getProperty(name, "0"))).sum();
        assertThat(longestAttempt).isPositive()
                .isLessThan(engine.getJobExecutor().getLockTimeInMillis() / 2);
    }

    private Job deliveryJob(ProcessInstance request) {
        return management.createJobQuery().processInstanceId(request.getId()).activityId("Task_DeliverRequestEmail").singleResult();
    }

    private long executableJobs(ProcessInstance request) {
        return management.createJobQuery().processInstanceId(request.getId()).executable().count();
    }

    private HttpStatus retry(String jobId, String user) {
        return HttpStatus.valueOf(http.withBasicAuth(user, "demo").exchange("/engine-rest/job/{id}/retries", HttpMethod.PUT,
                new HttpEntity<>(Map.of("retries", 1)), String.class, jobId).getStatusCode().value());
    }
}
