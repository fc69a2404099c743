package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recordflow.support.IntakeForms.holder;
import static org.recordflow.support.IntakeForms.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.recordflow.support.ApiTestSupport;
import org.recordflow.support.FormMarkdown;
import org.recordflow.support.Jobs;
import org.recordflow.support.RecordflowApiClient;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every free-text field, filled with markup, through to every task form and page that shows it:
 * Tasklist would render each text component's markdown with the task's form variables filled in, so
 * every variable a text component shows must be inert markdown (or our own link list), and every page
 * must show the text HTML-escaped.
 */
@RecordflowSpringTest
class StoredTextShownAsTextTest extends ApiTestSupport {

    static final Instant TODAY = Instant.parse("2026-11-20T15:00:00Z");
    static final Pattern SHOWN = Pattern.compile("\\{\\{\\s*(?:#if\\s+)?(\\w+)\\s*}}");
    /** Markup that must never reach a page or a form's markdown unescaped. */
    static final List<String> RAW_MARKUP = List.of("<img", "<https:", "<script", "](https:", "![");

    @Autowired
    RepositoryService repository;

    final ObjectMapper json = new ObjectMapper();
    RecordflowApiClient sam;
    RecordflowApiClient alex;
    TestRestTemplate admin;
    /** The forms whose every text component was checked, by form id. */
    final Set<String> formsChecked = new TreeSet<>();
    /** The form fields this walk submitted markup in. */
    final Set<String> filledWithMarkup = new TreeSet<>();

    /**
     * Free-text fields the walk does not fill with markup: values the application checks (a group id, a
     * fax number, an amount), and the fields of later phases' forms, whose shown variables
     * {@link #everyShippedFormShowsEveryUserEnteredVariableAsText} covers.
     */
    static final List<String> NOT_WALKED = List.of("paralegalGroup", "fax", "feeAmount",
            "qualityNotes", "resolutionNotes", "reviewSummary", "demandNotes", "decisionNotes");

    /** A value for one field: HTML, links, an image, an autolink, code, template syntax; it names the field. */
    static String hostile(String field) {
        return "José " + field + " <img src=x onerror=alert(1)> [click](https://evil.example/" + field
                + ") ![t](https://evil.example/t.png) <https://evil.example/> `tick` {{caseId}} **b**";
    }

    /** A hostile value for a textarea: lines that would start a heading and a code block. */
    static String hostileNotes(String field) {
        return hostile(field) + "\n# heading " + field + "\n    indented <b>bold</b>";
    }

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(TODAY));
        sam = new RecordflowApiClient(http, "sam", "demo");
        alex = new RecordflowApiClient(http, "alex", "demo");
        admin = http.withBasicAuth("admin", "demo");
    }

    @Test
    void aCaseOpenedWithMarkupInEveryFieldShowsItAsTextInEveryTaskFormAndPage() {
        Map<String, Object> mail = holder(hostile("holderMail"), "HOSPITAL", "MAIL", hostile("address"), "MEDICAL_RECORDS", "BILLS");
        mail.put("department", hostile("department"));
        Map<String, Object> fax = holder(hostile("holderFax"), "HOSPITAL", "FAX", "916-555-0123");
        String portalUrl = "https://portal.example/<img/src=x/onerror=alert('portal')>";
        Map<String, Object> portal = holder(hostile("holderPortal"), "HOSPITAL", "PORTAL", portalUrl);
        String emailAddress = "<img/src=x/onerror=alert('email')>@evil.example";
        Map<String, Object> email = holder(hostile("holderEmail"), "HOSPITAL", "EMAIL", emailAddress);
        String reference = cases.open(intake("CA", List.of(mail, fax, portal, email), "clientName", hostile("clientName")));
        filledWithMarkup.addAll(List.of("clientName", "name", "address", "department", "email"));
        assertEveryOpenTaskShowsTextEscaped(reference);

        submit(paula, onlyTask(reference, Phases.CONFIRM_RECORD_HOLDERS), Map.of("holdersConfirmed", true,
                "intakeNotes", hostileNotes("intakeNotes")));
        assertEveryOpenTaskShowsTextEscaped(reference);

        submit(paula, onlyTask(reference, Phases.COLLECT_SIGNED_AUTHORIZATION), Map.of("signerRole", "REPRESENTATIVE",
                "signerName", hostile("signerName"), "representativeAuthority", hostile("representativeAuthority"),
                "signedOn", "2026-11-02", "expiresOn", "2027-11-02"));
        assertEveryOpenTaskShowsTextEscaped(reference);

        Map<String, ProcessInstance> requests = requestsByHolderAndRecords(reference);
        for (String request : List.of("holderMail/Medical records", "holderMail/Itemized bills", "holderFax/Medical records",
                "holderPortal/Medical records")) {
            submit(paula, requests.get(request), Phases.SEND_RECORD_REQUEST, Map.of("sentBy", "MAIL", "sentOn", "2026-11-20",
                    "providerReceivedOn", "2026-11-20"));
        }
        submit(paula, requests.get("holderMail/Medical records"), Phases.RECORD_PROVIDER_RESPONSE, Map.of(
                "responseType", "PROVIDER_FORM", "responseChannel", "PHONE", "responseNotes", hostileNotes("responseNotes")));
        submit(paula, requests.get("holderFax/Medical records"), Phases.RECORD_PROVIDER_RESPONSE, Map.of(
                "responseType", "REFUSAL", "responseChannel", "FAX", "responseNotes", hostileNotes("refusalNotes")));
        submit(paula, requests.get("holderPortal/Medical records"), Phases.RECORD_PROVIDER_RESPONSE, Map.of(
                "responseType", "FEE_INVOICE", "responseChannel", "MAIL", "feeAmount", "$120",
                "invoiceDate", "2026-11-19 <img src=x onerror=alert('invoiceDate')>"));
        assertEveryOpenTaskShowsTextEscaped(reference);

        ProcessInstance overdue = requests.get("holderMail/Itemized bills");
        ClockUtil.setCurrentTime(Date.from(TODAY.plusSeconds(7 * 86400)));
        Jobs.runDue(management, overdue.getId());
        assertEveryOpenTaskShowsTextEscaped(reference);
        submit(sam, overdue, "Task_EscalateToSupervisor", Map.of("escalationAction", hostileNotes("escalationAction")));
        ClockUtil.setCurrentTime(Date.from(TODAY.plusSeconds(23 * 86400)));
        Jobs.runDue(management, overdue.getId());
        assertEveryOpenTaskShowsTextEscaped(reference);

        for (Task followUp : tasks.createTaskQuery().processInstanceId(overdue.getId()).taskDefinitionKey("Task_FollowUpByHand").list()) {
            submit(paula, followUp, Map.of("followUpChannel", "PHONE", "followUpContact", hostile("followUpContact"),
                    "followUpOutcome", hostileNotes("followUpOutcome")));
        }
        submit(alex, overdue, "Task_EscalateToAttorney", Map.of("attorneyDecision", hostileNotes("attorneyDecision")));
        submit(paula, overdue, Phases.RECORD_PROVIDER_RESPONSE, Map.of("responseType", "PRODUCTION_PARTIAL",
                "responseChannel", "MAIL", "responseReceivedOn", "2026-12-13", "missingRecords", hostileNotes("missingRecords")));
        submit(paula, requests.get("holderMail/Medical records"), "Task_CompleteProviderForm", Map.of(
                "requirementChannel", "PORTAL", "requirementNotes", hostileNotes("requirementNotes")));
        submit(alex, requests.get("holderFax/Medical records"), "Task_ReviewRefusal", Map.of(
                "refusalDecision", hostileNotes("refusalDecision")));
        submit(paula, requests.get("holderPortal/Medical records"), "Task_ReviewFeeInvoice", Map.of(
                "feeApproved", false, "feeDecisionReason", hostileNotes("feeDecisionReason")));
        assertEveryOpenTaskShowsTextEscaped(reference);

        assertThat(formsChecked).contains("intake-confirm-holders", "authorization-collect", "record-request-send",
                "record-provider-response", "provider-requirement", "refusal-review", "fee-review", "escalation-supervisor",
                "escalation-attorney", "follow-up-by-hand");
        Set<String> notFilled = freeTextFieldsOfShippedForms();
        notFilled.removeAll(filledWithMarkup);
        assertThat(notFilled).as("free-text fields this walk left without markup").containsExactlyInAnyOrderElementsOf(NOT_WALKED);
        assertPagesShowTextEscaped(reference, List.of(hostile("clientName"), hostile("holderMail"),
                hostile("holderFax"), hostile("holderPortal"), hostile("holderEmail"), hostile("address"), portalUrl, emailAddress));
    }

    /** Every shipped form on a task of its own, every variable it may show holding markup. */
    @Test
    void everyShippedFormShowsEveryUserEnteredVariableAsText() {
        Map<String, Object> variables = new HashMap<>();
        FormTextVariables.ESCAPED.forEach(name -> variables.put(name, hostileNotes(name)));
        variables.putAll(Map.of("caseId", 1L, "caseReference", "RF-00001", "recordRequestId", 2L, "recordType", "Medical records",
                "dueOn", "2026-11-25", "authorizationExpiresOn", "2027-11-02", "binderPageCount", 10, "encounterCount", 3));
        FormTextVariables.BUILT_MARKDOWN.forEach(name -> variables.put(name, "- " + Markdown.link(hostile(name), "/documents/1")));
        List<String> formIds = ProcessResources.load().entrySet().stream().filter(file -> file.getKey().startsWith("forms/"))
                .map(file -> readTree(new String(file.getValue(), StandardCharsets.UTF_8)).path("id").asText()).toList();
        var deployment = repository.createDeployment().name("every form on a task");
        formIds.forEach(formId -> deployment.addModelInstance("form-" + formId + ".bpmn", Bpmn.createExecutableProcess("form-" + formId)
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_" + formId.replace('-', '_')).camundaFormRef(formId)
                .camundaFormRefBinding("latest").endEvent().done()));
        String deploymentId = deployment.deploy().getId();
        try {
            for (String formId : formIds) {
                String instance = runtime.startProcessInstanceByKey("form-" + formId, variables).getId();
                assertTaskShowsTextEscaped(tasks.createTaskQuery().processInstanceId(instance).singleResult());
            }
        } finally {
            repository.deleteDeployment(deploymentId, true);
        }
        assertThat(formsChecked).containsAll(formIds);
    }

    private void assertEveryOpenTaskShowsTextEscaped(String reference) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).list();
        assertThat(open).isNotEmpty();
        open.forEach(this::assertTaskShowsTextEscaped);
    }

    /** What Tasklist gets for the task (its form and form variables over REST), filled in as form-js would. */
    private void assertTaskShowsTextEscaped(Task task) {
        JsonNode form = readTree(admin.getForObject("/engine-rest/task/{id}/deployed-form", String.class, task.getId()));
        JsonNode variables = readTree(admin.getForObject("/engine-rest/task/{id}/form-variables", String.class, task.getId()));
        Map<String, Object> values = new HashMap<>();
        variables.fields().forEachRemaining(v -> values.put(v.getKey(), v.getValue().path("value").isNull() ? null
                : v.getValue().path("value").asText()));
        String where = form.path("id").asText() + " of task " + task.getTaskDefinitionKey();

        for (JsonNode component : components(form)) {
            if (!component.path("type").asText().equals("text")) {
                continue;
            }
            String template = component.path("text").asText();
            String markdown = FormMarkdown.fill(template, values);
            assertThat(markdown).as(where + ", " + component.path("id").asText()).doesNotContain(RAW_MARKUP);
            Matcher shown = SHOWN.matcher(template);
            while (shown.find()) {
                assertShowsVariableAsText(where, shown.group(1), values);
            }
        }
        formsChecked.add(form.path("id").asText());
    }

    private static void assertShowsVariableAsText(String where, String name, Map<String, Object> values) {
        Object value = values.get(name);
        if (FormTextVariables.BUILT_MARKDOWN.contains(name)) {
            assertThat(value == null || FormMarkdown.isListOfOwnLinks(value.toString())).as(where + ": " + name + " = " + value).isTrue();
        } else if (name.endsWith(FormTextVariables.ESCAPED_SUFFIX)) {
            Object raw = values.get(name.substring(0, name.length() - FormTextVariables.ESCAPED_SUFFIX.length()));
            if (raw != null) {
                assertThat(value).as(where + ": the escaped copy " + name).isNotNull();
                assertThat(FormMarkdown.shownText(value.toString())).as(where + ": " + name + " = " + value)
                        .contains(lines(raw.toString()));
            }
        } else {
            assertThat(FormTextVariables.PLAIN).as(where + " shows " + name).contains(name);
            assertThat(String.valueOf(value)).as(where + ": " + name).doesNotContain(RAW_MARKUP).doesNotContain("evil.example");
        }
    }

    private void assertPagesShowTextEscaped(String reference, List<String> entered) {
        long caseId = jdbc.sql("select id from case_file where reference = ?").param(reference).query(Long.class).single();
        List<String> paralegalPages = new ArrayList<>(List.of("/cases", "/cases/" + caseId, "/records/cases/" + caseId));
        jdbc.sql("select id from record_request where case_id = ?").param(caseId).query(Long.class).list().forEach(requestId ->
                paralegalPages.addAll(List.of("/requests/" + requestId, "/records/requests/" + requestId + "/upload")));
        Map<String, String> shown = new LinkedHashMap<>();
        TestRestTemplate paulaBrowser = http.withBasicAuth("paula", "demo");
        paralegalPages.forEach(path -> shown.put(path, page(paulaBrowser, path)));
        TestRestTemplate samBrowser = http.withBasicAuth("sam", "demo");
        for (String path : List.of("/oversight", "/oversight/cases", "/oversight/requests?status=SENT",
                "/oversight/requests/overdue", "/oversight/requests/due-soon", "/oversight/escalations", "/oversight/renewals",
                "/oversight/workload/tasks?group=" + RecordflowGroups.PARALEGALS)) {
            shown.put(path, page(samBrowser, path));
        }
        shown.put("productions", page(samBrowser, "/oversight/providers/productions?holder={holder}", hostile("holderMail")));
        shown.forEach((path, html) -> assertThat(html).as(path).doesNotContain("<img", "<https:", "<script", "<b>"));
        String casePage = shown.get("/cases/" + caseId);
        entered.forEach(text -> assertThat(casePage).as("/cases/" + caseId).contains(htmlEscaped(text)));
        assertThat(shown.get("/oversight/requests/overdue")).contains(htmlEscaped(hostile("holderMail")));
        assertThat(shown.get("productions")).contains(htmlEscaped(hostile("holderMail")));
        String everyPage = String.join("\n", shown.values());
        for (String field : List.of("department", "responseNotes", "refusalNotes", "requirementNotes", "followUpOutcome",
                "feeDecisionReason", "missingRecords")) {
            assertThat(everyPage).as(field + " on some page").contains(htmlEscaped(hostile(field)));
        }
    }

    private static String page(TestRestTemplate browser, String path, Object... uriVariables) {
        ResponseEntity<String> response = browser.getForEntity(path, String.class, uriVariables);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void submit(RecordflowApiClient user, ProcessInstance request, String taskKey, Map<String, Object> values) {
        Task task = tasks.createTaskQuery().processInstanceId(request.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey + " of " + runtime.getVariable(request.getId(), "holderName")).isNotNull();
        submit(user, task, values);
    }

    private Task onlyTask(String reference, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).singleResult();
    }

    private void submit(RecordflowApiClient user, Task task, Map<String, Object> values) {
        var response = user.submitTaskForm(task.getId(), values);
        assertThat(response.getStatusCode()).as(task.getTaskDefinitionKey() + ": " + response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        values.forEach((key, value) -> {
            if (value instanceof String text && text.contains("<img")) {
                filledWithMarkup.add(key);
            }
        });
    }

    /** The keys of every textfield and textarea of every shipped form. */
    private Set<String> freeTextFieldsOfShippedForms() {
        Set<String> keys = new TreeSet<>();
        ProcessResources.load().forEach((file, content) -> {
            if (file.startsWith("forms/")) {
                components(readTree(new String(content, StandardCharsets.UTF_8))).stream()
                        .filter(c -> Set.of("textfield", "textarea").contains(c.path("type").asText()))
                        .forEach(c -> keys.add(c.path("key").asText()));
            }
        });
        return keys;
    }

    /** The case's record-request instances by the field named in the holder's name and the records asked for. */
    private Map<String, ProcessInstance> requestsByHolderAndRecords(String reference) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(Phases.RECORD_REQUEST_KEY)
                .processInstanceBusinessKey(reference).list().stream().collect(Collectors.toMap(
                        request -> ((String) runtime.getVariable(request.getId(), "holderName")).split(" ")[1] + "/"
                                + runtime.getVariable(request.getId(), "recordType"),
                        request -> request));
    }

    private static List<JsonNode> components(JsonNode parent) {
        List<JsonNode> all = new ArrayList<>();
        parent.path("components").forEach(component -> {
            all.add(component);
            all.addAll(components(component));
        });
        return all;
    }

    /** What Markdown.text keeps of a multi-line value: its non-blank lines, stripped. */
    private static String lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    private static String htmlEscaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
