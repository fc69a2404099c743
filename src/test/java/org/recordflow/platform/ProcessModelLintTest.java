package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProcessModelLintTest {

    private final ProcessModelLint lint = new ProcessModelLint(name -> List.of("existingDelegate").contains(name));

    @Test
    void brokenReferencesAreEachReportedWithFileElementAndWhatIsMissing() throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        resources.put("processes/broken-references.bpmn", classpath("lint/broken-references.bpmn"));
        resources.put("processes/no-ttl.dmn", classpath("lint/no-ttl.dmn"));

        List<String> findings = lint.check(resources).stream().map(LintFinding::toString).toList();

        assertThat(findings).containsExactlyInAnyOrder(
                "processes/broken-references.bpmn [broken-references]: process has no history time to live (camunda:historyTimeToLive)",
                "processes/broken-references.bpmn [Task_MissingForm]: form 'no-such-form' (camunda:formRef) is not in forms/",
                "processes/broken-references.bpmn [Task_MissingBean]: delegate bean 'noSuchDelegate' (${noSuchDelegate}) does not exist",
                "processes/broken-references.bpmn [CallActivity_MissingProcess]: called process 'no-such-process' does not exist in processes/",
                "processes/broken-references.bpmn [CallActivity_MissingProcess]: bean 'ghostService' called in expression ${ghostService.record(execution)} does not exist",
                "processes/broken-references.bpmn [Task_MissingDecision]: decision 'no-such-decision' (camunda:decisionRef) does not exist in processes/",
                "processes/no-ttl.dmn [decision-without-ttl]: decision has no history time to live (camunda:historyTimeToLive)");
    }

    @Test
    void verifyRefusesTheWholeSetWithOneMessageListingEveryFinding() throws IOException {
        Map<String, byte[]> resources = Map.of("processes/broken-references.bpmn", classpath("lint/broken-references.bpmn"));

        assertThatThrownBy(() -> lint.verify(resources))
                .isInstanceOf(ProcessModelLintException.class)
                .hasMessageContaining("nothing was deployed")
                .hasMessageContaining("processes/broken-references.bpmn [Task_MissingForm]: form 'no-such-form'");
    }

    @Test
    void malformedFilesAreReportedNotThrown() {
        Map<String, byte[]> resources = Map.of(
                "processes/half-saved.bpmn", "<definitions><process id=\"x\"".getBytes(StandardCharsets.UTF_8),
                "forms/broken.form", "{ \"components\": [".getBytes(StandardCharsets.UTF_8),
                "forms/anonymous.form", "{ \"components\": [] }".getBytes(StandardCharsets.UTF_8));

        assertThat(lint.check(resources)).extracting(LintFinding::file, f -> f.problem().split(":")[0])
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("processes/half-saved.bpmn", "not well-formed XML"),
                        org.assertj.core.groups.Tuple.tuple("forms/broken.form", "form is not valid JSON"),
                        org.assertj.core.groups.Tuple.tuple("forms/anonymous.form", "form has no \"id\""));
    }

    @Test
    void aFileTheEngineWouldRejectIsReportedByName() throws IOException {
        List<LintFinding> findings = lint.check(Map.of("processes/wrong-element.dmn", classpath("lint/wrong-element.dmn")));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("processes/wrong-element.dmn");
            assertThat(f.problem()).startsWith("does not conform to the schema").contains("documentation");
        });
    }

    @Test
    void formWithARepeatingListNeedsItsOwnSubmitButton() {
        String list = "{ \"type\": \"dynamiclist\", \"path\": \"rows\", \"components\": [ { \"type\": \"textfield\", \"key\": \"name\" } ] }";
        String button = "{ \"type\": \"button\", \"action\": \"submit\", \"label\": \"Check and save\" }";
        Map<String, byte[]> resources = Map.of(
                "forms/list-only.form", ("{ \"id\": \"list-only\", \"components\": [" + list + "] }").getBytes(StandardCharsets.UTF_8),
                "forms/list-and-button.form", ("{ \"id\": \"list-and-button\", \"components\": [" + list + ", " + button + "] }")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(lint.check(resources)).extracting(LintFinding::file, LintFinding::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("forms/list-only.form",
                        "form has a repeating list (dynamiclist) but no button with action \"submit\": Tasklist's own"
                                + " Start/Complete button stays disabled once the list is edited"));
    }

    @Test
    void aFormsMarkdownShowsOnlyVariablesKnownToBeSafeThere() {
        Map<String, byte[]> resources = Map.of("forms/header.form", form("header",
                text("Text_ok", "#### {{caseReference}} - {{clientNameMarkdown}} {{#if decisionNotesMarkdown}}{{decisionNotesMarkdown}}{{/if}}"
                        + " [Request](/requests/{{recordRequestId}}) {{letterLinks}}"),
                text("Text_rawName", "#### {{caseReference}} - {{clientName}}"),
                text("Text_unknown", "{{ officeNotes }}"),
                text("Text_noCopy", "{{paralegalGroupMarkdown}}"),
                text("Text_expression", "{{upper case(holderNameMarkdown)}} {{#loop escalationDrafts}}x{{/loop}}"),
                text("Text_feel", "=clientName"),
                "{ \"type\": \"html\", \"id\": \"Html_raw\", \"content\": \"<p>{{holderName}}</p>\" }",
                "{ \"type\": \"textfield\", \"id\": \"Field_client\", \"key\": \"clientName\", \"label\": \"{{clientName}}\","
                        + " \"readonly\": true }"));

        assertThat(lint.check(resources)).extracting(LintFinding::elementId, LintFinding::problem).containsExactlyInAnyOrder(
                tuple("Text_rawName", "{{clientName}} may hold user input, which would render as markup: show"
                        + " {{clientNameMarkdown}}, its escaped copy"),
                tuple("Text_unknown", "{{officeNotes}} is not known to be safe markdown: show user text in a read-only"
                        + " textfield, or list the variable in FormTextVariables (PLAIN, BUILT_MARKDOWN or ESCAPED)"),
                tuple("Text_noCopy", "{{paralegalGroupMarkdown}} is not known to be safe markdown: show user text in a"
                        + " read-only textfield, or list the variable in FormTextVariables (PLAIN, BUILT_MARKDOWN or ESCAPED)"),
                tuple("Text_expression", "{{upper case(holderNameMarkdown)}} is an expression, whose result would render"
                        + " as markup: show plain variables only ({{name}}, {{#if name}})"),
                tuple("Text_expression", "{{#loop escalationDrafts}} is an expression, whose result would render"
                        + " as markup: show plain variables only ({{name}}, {{#if name}})"),
                tuple("Text_expression", "{{/loop}} is an expression, whose result would render"
                        + " as markup: show plain variables only ({{name}}, {{#if name}})"),
                tuple("Text_feel", "\"text\" is a FEEL expression, whose result would render as markup: write the text"
                        + " and show variables as {{name}}"),
                tuple("Html_raw", "{{holderName}} may hold user input, which would render as markup: show"
                        + " {{holderNameMarkdown}}, its escaped copy"));
    }

    @Test
    void shippedProcessesFormsAndDecisionsHaveNoBrokenReference() {
        Map<String, byte[]> shipped = ProcessResources.load();
        assertThat(shipped.keySet()).contains("processes/case-lifecycle.bpmn", "forms/case-intake.form");
        // Beans are checked against the real application context in ShippedModelsLintTest
        ProcessModelLint referencesOnly = new ProcessModelLint(name -> true);
        assertThat(referencesOnly.check(shipped)).isEmpty();
    }

    private static String text(String id, String markdown) {
        return "{ \"type\": \"text\", \"id\": \"" + id + "\", \"text\": \"" + markdown + "\" }";
    }

    private static byte[] form(String id, String... components) {
        return ("{ \"id\": \"" + id + "\", \"components\": [" + String.join(", ", components) + "] }")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] classpath(String path) throws IOException {
        try (InputStream in = ProcessModelLintTest.class.getClassLoader().getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }
}
