package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recordflow.support.CaseDriver;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.Resource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RecordflowSpringTest
class AuditTrailTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    Clock clock;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void documentViewsAndChangesAreAuditedAndExportableByAdminsOnly() {
        TestRestTemplate paula = http.withBasicAuth("paula", "demo");
        paula.getForEntity("/documents/987654321", String.class);
        paula.postForEntity("/api/requests/987654321/extension", Map.of("reason", "x"), String.class);
        paula.getForEntity("/api/cases", String.class);
        String today = LocalDate.now().toString();

        var export = http.withBasicAuth("admin", "demo").getForEntity("/api/audit?from=" + today + "&to=" + today, String.class);

        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(export.getBody()).startsWith("occurred_at,actor,action,method,path,status,remote_addr,case_id,ids,detail")
                .contains("\"paula\",VIEW,GET,\"/documents/987654321\",404")
                .contains("\"paula\",CHANGE,POST,\"/api/requests/987654321/extension\"")
                .doesNotContain("\"/api/cases\"");
        assertThat(paula.getForEntity("/api/audit?from=" + today + "&to=" + today, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** Views are known by their handler and recorded with the parsed id, before the document is served. */
    @Test
    void aDocumentViewIsRecordedWithTheParsedIdAndItsCase() {
        long caseId = caseOfPaulasTeam();
        long documentId = jdbc.sql("select min(id) from generated_document where case_id = ?").param(caseId).query(Long.class).single();
        OffsetDateTime since = OffsetDateTime.now(clock).minusSeconds(1);

        assertThat(http.withBasicAuth("sam", "demo").getForEntity("/documents/" + documentId, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("sam", "demo").getForEntity("/authorizations/" + firstAuthorization(caseId) + "/pdf",
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(eventsSince(since, "sam")).extracting(AuditTrail.Event::action, AuditTrail.Event::path, AuditTrail.Event::ids,
                        AuditTrail.Event::caseId)
                .contains(tuple(AuditTrail.Action.VIEW, "/documents/" + documentId,
                                "documentId=" + documentId, caseId),
                        tuple(AuditTrail.Action.VIEW, "/authorizations/" + firstAuthorization(caseId) + "/pdf",
                                "authorizationId=" + firstAuthorization(caseId), caseId));
    }

    /** Issue 12: every refused request, whoever refused it, with user, time, path and the ids as parsed values. */
    @Test
    void everyRefusalIsRecordedWithTheParsedIds() {
        long caseId = caseOfPaulasTeam();
        long documentId = jdbc.sql("select min(id) from generated_document where case_id = ?").param(caseId).query(Long.class).single();
        String waiting = new CaseDriver(new RecordflowApiClient(http, "paula", "demo")).open(intake("CA",
                List.of(holder("Audit Trail Clinic", "HOSPITAL", "EMAIL", "roi@clinic.example")), "paralegalGroup", ""));
        String taskId = (String) ((Map<?, ?>) http.withBasicAuth("paula", "demo").getForObject(
                "/engine-rest/task?processInstanceBusinessKey={k}", List.class, waiting).get(0)).get("id");
        OffsetDateTime since = OffsetDateTime.now(clock).minusSeconds(1);
        TestRestTemplate pat = http.withBasicAuth("pat", "demo");
        TestRestTemplate paula = http.withBasicAuth("paula", "demo");
        String today = LocalDate.now().toString();

        // our case check; an id in hex (refused before the case is looked at); Spring Security; method security; the engine
        assertThat(pat.getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paula.getForEntity(URI.create(http.getRootUri() + "/documents/0x" + Long.toHexString(documentId)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(paula.getForEntity("/oversight", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(paula.getForEntity("/api/audit?from=" + today + "&to=" + today, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pat.postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", "pat"), String.class, taskId)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("prometheus", "prometheus-demo").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        List<AuditTrail.Event> refused = new ArrayList<>(eventsSince(since, "pat"));
        refused.addAll(eventsSince(since, "paula"));
        refused.addAll(eventsSince(since, "prometheus"));
        assertThat(refused).extracting(AuditTrail.Event::actor, AuditTrail.Event::action, AuditTrail.Event::path,
                        AuditTrail.Event::status, AuditTrail.Event::caseId, AuditTrail.Event::ids)
                .contains(
                        tuple("pat", AuditTrail.Action.REFUSED, "/api/cases/" + caseId, 403,
                                caseId, "caseId=" + caseId),
                        tuple("paula", AuditTrail.Action.REFUSED,
                                "/documents/0x" + Long.toHexString(documentId), 400, caseId, "documentId=" + documentId),
                        tuple("paula", AuditTrail.Action.REFUSED, "/oversight", 403, null, null),
                        tuple("paula", AuditTrail.Action.REFUSED, "/api/audit", 403, null, null),
                        tuple("pat", AuditTrail.Action.REFUSED, "/engine-rest/task/" + taskId + "/claim",
                                403, null, null),
                        tuple("prometheus", AuditTrail.Action.REFUSED, "/engine-rest/task", 403,
                                null, null));
        assertThat(refused).filteredOn(e -> e.path().startsWith("/documents/0x")).singleElement()
                .extracting(AuditTrail.Event::detail).asString().contains("documentId must be a plain decimal number");
    }

    /** A handler that returns a file's content is a document view; the audit would miss one that is not marked. */
    @Test
    void everyHandlerThatServesContentIsMarkedAsADocumentView() {
        List<String> unmarked = new ArrayList<>();
        List<String> marked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("org.recordflow")) {
                return;
            }
            var returned = method.getReturnType().getGenericParameterType().getTypeName();
            boolean content = returned.contains("byte[]") || returned.contains(Resource.class.getName())
                    || returned.contains(StreamingResponseBody.class.getName())
                    || mapping.getProducesCondition().getProducibleMediaTypes().stream()
                            .anyMatch(type -> !type.getSubtype().contains("json") && !type.getSubtype().equals("html"));
            if (content) {
                (AnnotatedElementUtils.hasAnnotation(method.getMethod(), DocumentView.class) ? marked : unmarked)
                        .add(mapping.getPatternValues().toString());
            }
        });
        assertThat(marked).hasSizeGreaterThanOrEqualTo(7);
        assertThat(unmarked).isEmpty();
    }

    private List<AuditTrail.Event> eventsSince(OffsetDateTime since, String actor) {
        return audit.between(since, OffsetDateTime.now(clock).plusMinutes(1)).stream().filter(e -> e.actor().equals(actor)).toList();
    }

    private long caseOfPaulasTeam() {
        CaseDriver paula = new CaseDriver(new RecordflowApiClient(http, "paula", "demo"));
        String reference = paula.open(intake("CA", List.of(holder("Audit Trail Hospital", "HOSPITAL", "EMAIL",
                "roi@audit.example")), "paralegalGroup", ""));
        paula.confirmHolders(reference);
        paula.signAuthorization(reference);
        return jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();
    }

    private long firstAuthorization(long caseId) {
        return jdbc.sql("select min(id) from hipaa_authorization where case_id = ?").param(caseId).query(Long.class).single();
    }
}
