package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.recordflow.casefile.CasePhase;
import org.recordflow.casefile.CaseScopedId;
import org.recordflow.support.CaseDriver;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 12, "a standing adversarial suite": every endpoint of ours that takes a case-scoped id,
 * found in Spring's handler mappings (not a hand-written list), asked by every role for a case of
 * Paula's team (injuryteam), with the ids spelled every way Spring's number binding would read as
 * the same id. The answers must follow the README's "Who may do what": any spelling but the plain
 * decimal one is refused with 400 for everyone; the plain one answers the roles that may read
 * (GET) or work (anything else) the case, and 403 to the others. A refused request shows none of
 * the case's data, changes none of its rows and leaves a REFUSED event in the audit trail with
 * the ids as parsed values; a document view leaves a VIEW event with the parsed ids.
 * <p>
 * Requests go out with {@link HttpClient} and URIs built here, so that the exact spelling reaches
 * the server (RestTemplate would re-encode it).
 */
@RecordflowSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseScopedEndpointsAdversarialTest {

    private static final String CLIENT = "Vera Quintana-Adversary";
    private static final String HOLDER = "Saint Adversary Medical Center";
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");
    private static final String SPELLING_REFUSED = "must be a plain decimal number";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    List<CaseScopedId> scopedIds;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger uploads = new AtomicInteger();
    /** The victim case's ids by the name of the id in our URLs */
    private final Map<String, Long> victim = new LinkedHashMap<>();
    private List<String> tablesWithCaseRows;
    private String phaseBefore;
    /** A packet that refused uploads carry: were one let through, it would be stored */
    private byte[] neverStored;

    enum Role {
        PAULA("paula"), PAT("pat"), SAM("sam"), ALEX("alex"), RILEY("riley"), ADMIN("admin");

        final String user;

        Role(String user) {
            this.user = user;
        }

        /** README, "Who may do what", for a case of Paula's team (injuryteam). */
        boolean may(boolean writes, boolean caseInClinicalReview) {
            return switch (this) {
                case PAULA, ADMIN -> true;
                case PAT -> false;
                case SAM, ALEX -> !writes;
                case RILEY -> !writes && caseInClinicalReview;
            };
        }
    }

    /** A spelling of an id: what the server's binding decodes ({@code text}) and what Spring would read it as. */
    record Spelling(String label, LongFunction<String> text, LongFunction<Long> readAs) {

        boolean canonical() {
            return label.equals("plain");
        }

        /** In a URL path: everything but ASCII letters, digits, '+' and '-' percent-encoded as UTF-8. */
        String inPath(long id) {
            StringBuilder path = new StringBuilder();
            for (byte b : text.apply(id).getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                path.append(c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-') ? String.valueOf(c)
                        : "%%%02X".formatted(b & 0xff));
            }
            return path.toString();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Spelling> SPELLINGS = List.of(
            new Spelling("plain", Long::toString, id -> id),
            new Spelling("plus sign", id -> "+" + id, id -> id),
            new Spelling("leading zero", id -> "0" + id, id -> id),
            new Spelling("two leading zeros", id -> "00" + id, id -> id),
            new Spelling("twenty leading zeros", id -> "0".repeat(20) + id, id -> id),
            new Spelling("hex 0x", id -> "0x" + Long.toHexString(id), id -> id),
            new Spelling("hex #", id -> "#" + Long.toHexString(id), id -> id),
            new Spelling("leading space", id -> " " + id, id -> id),
            new Spelling("trailing space", id -> id + " ", id -> id),
            new Spelling("minus zero", id -> "-0", id -> 0L),
            new Spelling("negative", id -> "-" + id, id -> -id),
            new Spelling("fullwidth digits", id -> shifted(id, '\uFF10'), id -> id));

    private static String shifted(long id, char zero) {
        return Long.toString(id).chars().mapToObj(c -> String.valueOf((char) (zero + c - '0'))).collect(Collectors.joining());
    }

    /** One mapped endpoint and method, with the case-scoped ids it takes in its path and as request parameters. */
    record Endpoint(String pattern, String method, HandlerMethod handler, List<String> pathIds, List<String> paramIds) {

        boolean writes() {
            return !method.equals("GET");
        }

        boolean documentView() {
            return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), DocumentView.class);
        }

        boolean multipart() {
            return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == MultipartFile.class);
        }

        boolean jsonBody() {
            return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        }

        List<String> slots() {
            return Stream.concat(pathIds.stream(), paramIds.stream()).toList();
        }

        @Override
        public String toString() {
            return method + " " + pattern + (paramIds.isEmpty() ? "" : " ?" + String.join("&", paramIds));
        }
    }

    @BeforeAll
    void paulaOpensACaseWithARequestALetterAnAuthorizationAndAPacket() {
        CaseDriver paula = new CaseDriver(new RecordflowApiClient(rest, "paula", "demo"));
        String reference = paula.open(intake("CA", List.of(holder(HOLDER, "HOSPITAL", "EMAIL", "roi@adversary.example")),
                "paralegalGroup", "", "clientName", CLIENT));
        paula.confirmHolders(reference);
        paula.signAuthorization(reference);
        long caseId = jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();
        victim.put("caseId", caseId);
        victim.put("requestId", firstId("record_request", caseId));
        victim.put("documentId", firstId("generated_document", caseId));
        victim.put("authorizationId", firstId("hipaa_authorization", caseId));
        HttpResponse<String> upload = send("paula", "POST", "/api/requests/" + victim.get("requestId") + "/packets",
                multipart(Map.of(), newPacket()));
        neverStored = newPacket();
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        victim.put("packetId", firstId("packet", caseId));
        assertThat(jdbc.sql("select paralegal_group from case_file where id = ?").param(caseId).query(String.class).single())
                .isEqualTo("injuryteam");
        tablesWithCaseRows = jdbc.sql("""
                select table_name from information_schema.columns
                where lower(column_name) = 'case_id' and lower(table_schema) = 'public' and lower(table_name) <> 'audit_event'
                order by table_name
                """).query(String.class).list();
        assertThat(tablesWithCaseRows.stream().map(String::toLowerCase)).contains("packet", "hipaa_authorization",
                "record_request", "correspondence_entry", "case_bates", "completeness", "binder");
    }

    private long firstId(String table, long caseId) {
        return jdbc.sql("select min(id) from " + table + " where case_id = ?").param(caseId).query(Long.class).single();
    }

    /** Every mapping of ours with a case-scoped id in its path or request parameters, once per HTTP method. */
    List<Endpoint> endpoints() {
        Set<String> scoped = scopedIds.stream().map(CaseScopedId::pathVariable).collect(Collectors.toSet());
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getName().startsWith("org.recordflow.")) {
                return;
            }
            List<String> paramIds = Arrays.stream(handler.getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                    .map(CaseScopedEndpointsAdversarialTest::requestParamName)
                    .filter(scoped::contains)
                    .toList();
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String pattern : mapping.getPatternValues()) {
                List<String> pathIds = new ArrayList<>();
                Matcher variable = PATH_VARIABLE.matcher(pattern);
                while (variable.find()) {
                    pathIds.add(variable.group(1));
                }
                if (pathIds.isEmpty() && paramIds.isEmpty()) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    endpoints.add(new Endpoint(pattern, method.name(), handler, pathIds, paramIds));
                }
            }
        });
        endpoints.sort((a, b) -> a.toString().compareTo(b.toString()));
        return endpoints;
    }

    private static String requestParamName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        MethodParameter named = new MethodParameter(parameter);
        named.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        return !param.name().isEmpty() ? param.name() : named.getParameterName();
    }

    @TestFactory
    Stream<DynamicNode> everyRoleAndSpellingOnEveryCaseScopedEndpoint() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("our endpoints with case-scoped ids").hasSizeGreaterThan(25);
        assertThat(endpoints.stream().flatMap(e -> e.slots().stream()).distinct())
                .containsExactlyInAnyOrderElementsOf(victim.keySet());
        Stream<DynamicNode> everyRole = Stream.of(Role.values()).map(role -> dynamicContainer(role.user,
                endpoints.stream().map(endpoint -> dynamicContainer(endpoint.toString(), probes(endpoint, role, SPELLINGS, false)))));
        // Reviewers read a case once it reached clinical review: the same requests again, in plain spelling
        Stream<DynamicNode> reviewerInClinicalReview = Stream.of(dynamicContainer("riley, once the case is in clinical review",
                Stream.of(
                        Stream.of(dynamicTest("the case reaches clinical review", () -> {
                            phaseBefore = jdbc.sql("select phase from case_file where id = ?").param(victim.get("caseId"))
                                    .query(String.class).single();
                            phase(CasePhase.CLINICAL_REVIEW.name());
                        })),
                        endpoints.stream().flatMap(endpoint -> probes(endpoint, Role.RILEY, SPELLINGS.subList(0, 1), true)),
                        Stream.of(dynamicTest("the case returns to its phase", () -> phase(phaseBefore))))
                        .flatMap(s -> s)));
        return Stream.concat(everyRole, reviewerInClinicalReview);
    }

    private void phase(String phase) {
        jdbc.sql("update case_file set phase = ? where id = ?").params(phase, victim.get("caseId")).update();
    }

    /** The plain request, then each other spelling in each id of the request in turn (the others plain). */
    private Stream<DynamicNode> probes(Endpoint endpoint, Role role, List<Spelling> spellings, boolean inClinicalReview) {
        Stream<DynamicNode> plain = Stream.of(dynamicTest(endpoint + " as " + role.user + ", plain ids",
                () -> probe(endpoint, role, null, spellings.get(0), inClinicalReview)));
        Stream<DynamicNode> spelled = endpoint.slots().stream().distinct().flatMap(slot -> spellings.stream()
                .filter(s -> !s.canonical())
                .map(spelling -> dynamicTest(endpoint + " as " + role.user + ", " + slot + " spelled " + spelling.label(),
                        () -> probe(endpoint, role, slot, spelling, inClinicalReview))));
        return Stream.concat(plain, spelled);
    }

    private void probe(Endpoint endpoint, Role role, String spelledSlot, Spelling spelling, boolean inClinicalReview) {
        String path = path(endpoint, spelledSlot, spelling);
        Map<String, String> params = new LinkedHashMap<>();
        for (String param : endpoint.paramIds()) {
            long id = victimId(param);
            params.put(param, param.equals(spelledSlot) ? spelling.text().apply(id) : Long.toString(id));
        }
        boolean plain = spelledSlot == null;
        boolean allowed = plain && role.may(endpoint.writes(), inClinicalReview);
        String before = endpoint.writes() ? caseRows() : null;
        long lastAuditEvent = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();

        HttpResponse<String> response = send(role.user, endpoint.method(), path, body(endpoint, params, allowed));

        String what = endpoint + " as " + role.user + " -> " + response.statusCode() + " " + abbreviated(response.body());
        if (!plain) {
            assertThat(response.statusCode()).as(what).isEqualTo(400);
            assertThat(response.body()).as(what).contains(spelledSlot + " " + SPELLING_REFUSED);
        } else if (!allowed) {
            assertThat(response.statusCode()).as(what).isEqualTo(403);
        } else if (!endpoint.writes()) {
            assertThat(response.statusCode()).as(what).isEqualTo(200);
        } else {
            assertThat(response.statusCode()).as(what).isLessThan(500).isNotIn(401, 403, 404);
            assertThat(response.body()).as(what).doesNotContain(SPELLING_REFUSED);
        }

        List<AuditRow> audited = jdbc.sql("""
                select action, status, ids, case_id from audit_event where id > ? and actor = ? and path = ? order by id
                """).params(lastAuditEvent, role.user, path)
                .query((rs, n) -> new AuditRow(rs.getString("action"), rs.getInt("status"), rs.getString("ids"),
                        rs.getObject("case_id", Long.class)))
                .list();
        // Each id as the value it stands for, however it was spelled
        List<String> parsedIds = endpoint.slots().stream().map(slot -> slot + "=" + (slot.equals(spelledSlot)
                ? spelling.readAs().apply(victimId(slot)) : victimId(slot))).toList();
        if (!allowed) {
            assertThat(response.body()).as(what).doesNotContain(CLIENT).doesNotContain(HOLDER).doesNotContain("%PDF");
            if (endpoint.writes()) {
                assertThat(caseRows()).as("the case's rows after " + what).isEqualTo(before);
            }
            assertThat(audited).as("audit of " + what).hasSize(1);
            AuditRow event = audited.get(0);
            assertThat(event.action()).as(what).isEqualTo("REFUSED");
            assertThat(event.status()).as(what).isEqualTo(response.statusCode());
            assertThat(event.ids()).as("ids audited for " + what).contains(parsedIds);
            if (plain || spelling.readAs().apply(victimId(spelledSlot)) == victimId(spelledSlot)) {
                assertThat(event.caseId()).as("case audited for " + what).isEqualTo(victim.get("caseId"));
            }
        } else if (endpoint.documentView()) {
            assertThat(audited).as("audit of " + what).isNotEmpty();
            assertThat(audited.get(0).action()).as(what).isEqualTo("VIEW");
            assertThat(audited.get(0).ids()).as(what).contains(parsedIds);
            assertThat(audited.get(0).caseId()).as(what).isEqualTo(victim.get("caseId"));
        }
    }

    private record AuditRow(String action, int status, String ids, Long caseId) {
    }

    private long victimId(String slot) {
        Long id = victim.get(slot);
        assertThat(id).as("an id of the victim case for '" + slot + "': extend the test's setup").isNotNull();
        return id;
    }

    private String path(Endpoint endpoint, String spelledSlot, Spelling spelling) {
        Matcher variable = PATH_VARIABLE.matcher(endpoint.pattern());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            long id = victimId(name);
            variable.appendReplacement(path, Matcher.quoteReplacement(name.equals(spelledSlot) ? spelling.inPath(id) : Long.toString(id)));
        }
        variable.appendTail(path);
        return path.toString();
    }

    /** Every row of every table of ours with a case_id, for the victim case (binary columns by their hash). */
    private String caseRows() {
        long caseId = victim.get("caseId");
        StringBuilder rows = new StringBuilder(jdbc.sql("select * from case_file where id = ?").param(caseId).query().listOfRows().toString());
        for (String table : tablesWithCaseRows) {
            jdbc.sql("select * from " + table + " where case_id = ? order by 1").param(caseId).query().listOfRows()
                    .forEach(row -> row.forEach((column, value) -> rows.append(table).append('.').append(column).append('=')
                            .append(value instanceof byte[] bytes ? Arrays.hashCode(bytes) : value).append(';')));
        }
        return rows.toString();
    }

    // Request bodies: one that each write endpoint would accept, whatever it is (unknown fields are ignored)

    private static Map<String, String> wouldBeAccepted() {
        String today = LocalDate.now().toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("verdict", "COMPLETE");
        fields.put("reason", "Adversarial probe: the provider confirmed in writing that the production is complete");
        fields.put("prefix", "PROBE");
        fields.put("digits", "6");
        fields.put("noticeReceivedOn", today);
        fields.put("newDueOn", LocalDate.now().plusDays(20).toString());
        fields.put("revokedOn", today);
        fields.put("receivedOn", today);
        fields.put("receivedFrom", HOLDER);
        fields.put("channel", "FAX");
        return fields;
    }

    /** A query string (reads) or a body with its content type (writes). */
    private record Body(String query, String contentType, HttpRequest.BodyPublisher publisher) {
    }

    /** @param accepted whether the request will be let through: an upload then needs a PDF of its own */
    private Body body(Endpoint endpoint, Map<String, String> params, boolean accepted) {
        if (!endpoint.writes()) {
            String query = params.entrySet().stream()
                    .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return new Body(query, null, null);
        }
        if (endpoint.multipart()) {
            return multipart(params, accepted ? newPacket() : neverStored);
        }
        Map<String, String> fields = wouldBeAccepted();
        if (endpoint.jsonBody()) {
            String json = fields.entrySet().stream().map(f -> "\"" + f.getKey() + "\": \"" + f.getValue() + "\"")
                    .collect(Collectors.joining(", ", "{", "}"));
            return new Body("", "application/json", HttpRequest.BodyPublishers.ofString(json));
        }
        fields.putAll(params);
        return new Body("", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"))));
    }

    /** A packet upload; a PDF not stored yet, or the upload would be a duplicate and store nothing anyway. */
    private Body multipart(Map<String, String> params, byte[] packet) {
        String boundary = "adversarial-" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        Map<String, String> fields = wouldBeAccepted();
        fields.putAll(params);
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"records.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(packet);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Body("", "multipart/form-data; boundary=" + boundary, HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    private byte[] newPacket() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                content.newLineAtOffset(72, 720);
                content.showText("Progress note " + uploads.incrementAndGet());
                content.newLineAtOffset(0, -16);
                content.showText("Date of service: 03/14/2024");
                content.endText();
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String user, String method, String path, Body body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path
                        + (body.query().isEmpty() ? "" : "?" + body.query())))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8");
        if (body.publisher() == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", body.contentType()).method(method, body.publisher());
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
