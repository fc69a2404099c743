package org.recordflow.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the references analysts can break when they edit BPMN, DMN and forms in Camunda Modeler:
 * form references, delegate beans, beans called from expressions, called processes, decisions and
 * history time to live; and that a form's markdown shows only variables known to be safe there.
 * Runs in the test suite and before every deployment at start-up.
 */
public final class ProcessModelLint {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String DMN_NS = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";

    private static final Pattern DELEGATE_BEAN = Pattern.compile("^[$#]\\{\\s*([A-Za-z_][\\w]*)\\s*}$");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern BEAN_METHOD_CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.\\s*[A-Za-z_]\\w*\\s*\\(");
    /** Names the engine binds in expressions besides Spring beans. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "variableScope",
            "authenticatedUserId", "dateTime", "S", "JSON", "XML", "caseExecution", "connector");

    /** Components whose property form-js renders as markdown or HTML (or loads as a URL), after filling in {{...}}. */
    private static final Map<String, String> RENDERED_AS_MARKUP = Map.of("text", "text", "html", "content",
            "image", "source", "iframe", "url");
    private static final Pattern TEMPLATE_EXPRESSION = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern SHOWN_VARIABLE = Pattern.compile("(?:#if\\s+)?([A-Za-z_][A-Za-z0-9_]*)");

    private final Predicate<String> beanExists;
    private final ObjectMapper json = new ObjectMapper();

    public ProcessModelLint(Predicate<String> beanExists) {
        this.beanExists = beanExists;
    }

    public List<LintFinding> check(Map<String, byte[]> resources) {
        List<LintFinding> findings = new ArrayList<>();
        Set<String> formIds = new HashSet<>();
        Set<String> processIds = new HashSet<>();
        Set<String> decisionIds = new HashSet<>();
        Map<String, Document> bpmnFiles = new HashMap<>();

        resources.forEach((name, content) -> {
            if (name.endsWith(".form")) {
                formId(name, content, findings).ifPresent(formIds::add);
            } else if (name.endsWith(".dmn")) {
                parse(name, content, findings).filter(doc -> conformsToSchema(name, content, Dmn::readModelFromStream, findings))
                        .ifPresent(doc -> checkDecisions(name, doc, decisionIds, findings));
            } else if (name.endsWith(".bpmn")) {
                parse(name, content, findings).filter(doc -> conformsToSchema(name, content, Bpmn::readModelFromStream, findings))
                        .ifPresent(doc -> {
                    bpmnFiles.put(name, doc);
                    for (Element process : elements(doc, BPMN_NS, "process")) {
                        processIds.add(process.getAttribute("id"));
                    }
                });
            }
        });
        bpmnFiles.forEach((name, doc) -> checkProcessFile(name, doc, formIds, processIds, decisionIds, findings));
        return findings;
    }

    /** Runs {@link #check} and throws when anything is broken. */
    public void verify(Map<String, byte[]> resources) {
        List<LintFinding> findings = check(resources);
        if (!findings.isEmpty()) {
            throw new ProcessModelLintException(findings);
        }
    }

    private void checkProcessFile(String file, Document doc, Set<String> formIds, Set<String> processIds,
                                  Set<String> decisionIds, List<LintFinding> findings) {
        for (Element process : elements(doc, BPMN_NS, "process")) {
            if (!"false".equals(process.getAttribute("isExecutable"))
                    && process.getAttributeNS(CAMUNDA_NS, "historyTimeToLive").isBlank()) {
                findings.add(new LintFinding(file, process.getAttribute("id"),
                        "process has no history time to live (camunda:historyTimeToLive)"));
            }
        }
        for (Element element : allElements(doc)) {
            String id = nearestId(element);
            String formRef = element.getAttributeNS(CAMUNDA_NS, "formRef");
            if (!formRef.isBlank() && !isExpression(formRef) && !formIds.contains(formRef)) {
                findings.add(new LintFinding(file, id, "form '" + formRef + "' (camunda:formRef) is not in forms/"));
            }
            String calledElement = element.getAttribute("calledElement");
            if (BPMN_NS.equals(element.getNamespaceURI()) && "callActivity".equals(element.getLocalName())
                    && !calledElement.isBlank() && !isExpression(calledElement) && !processIds.contains(calledElement)) {
                findings.add(new LintFinding(file, id, "called process '" + calledElement + "' does not exist in processes/"));
            }
            String decisionRef = element.getAttributeNS(CAMUNDA_NS, "decisionRef");
            if (!decisionRef.isBlank() && !isExpression(decisionRef) && !decisionIds.contains(decisionRef)) {
                findings.add(new LintFinding(file, id, "decision '" + decisionRef + "' (camunda:decisionRef) does not exist in processes/"));
            }
            String delegate = element.getAttribute("delegateExpression");
            if (delegate.isBlank()) {
                delegate = element.getAttributeNS(CAMUNDA_NS, "delegateExpression");
            }
            if (!delegate.isBlank()) {
                Matcher bean = DELEGATE_BEAN.matcher(delegate.strip());
                if (bean.matches() && !beanExists.test(bean.group(1))) {
                    findings.add(new LintFinding(file, id, "delegate bean '" + bean.group(1) + "' (" + delegate + ") does not exist"));
                }
            }
            checkExpressionBeans(file, id, element, findings);
        }
    }

    private void checkExpressionBeans(String file, String id, Element element, List<LintFinding> findings) {
        List<String> texts = new ArrayList<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            texts.add(((Attr) attributes.item(i)).getValue());
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                texts.add(child.getNodeValue());
            }
        }
        for (String text : texts) {
            Matcher expression = EXPRESSION.matcher(text);
            while (expression.find()) {
                Matcher call = BEAN_METHOD_CALL.matcher(expression.group(1));
                while (call.find()) {
                    String name = call.group(1);
                    if (!ENGINE_NAMES.contains(name) && !beanExists.test(name)) {
                        findings.add(new LintFinding(file, id, "bean '" + name + "' called in expression "
                                + expression.group() + " does not exist"));
                    }
                }
            }
        }
    }

    private void checkDecisions(String file, Document doc, Set<String> decisionIds, List<LintFinding> findings) {
        for (Element decision : elements(doc, DMN_NS, "decision")) {
            decisionIds.add(decision.getAttribute("id"));
            if (decision.getAttributeNS(CAMUNDA_DMN_NS, "historyTimeToLive").isBlank()) {
                findings.add(new LintFinding(file, decision.getAttribute("id"),
                        "decision has no history time to live (camunda:historyTimeToLive)"));
            }
        }
    }

    private Optional<String> formId(String file, byte[] content, List<LintFinding> findings) {
        try {
            JsonNode form = json.readTree(content);
            JsonNode id = form.get("id");
            if (id == null || id.asText().isBlank()) {
                findings.add(new LintFinding(file, null, "form has no \"id\""));
                return Optional.empty();
            }
            checkListsCanBeSubmitted(file, form, findings);
            checkMarkupShowsOnlySafeVariables(file, form, findings);
            return Optional.of(id.asText());
        } catch (IOException e) {
            findings.add(new LintFinding(file, null, "form is not valid JSON: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Tasklist 7.24 keeps its Start and Complete buttons disabled once a field inside a repeating list
     * (dynamiclist) has been edited: it counts the list's emptied error entries as errors. Only the
     * form's own submit button (a form-js "button" with action "submit") validates afresh and submits.
     */
    private static void checkListsCanBeSubmitted(String file, JsonNode form, List<LintFinding> findings) {
        List<JsonNode> components = new ArrayList<>();
        collectComponents(form, components);
        boolean hasList = components.stream().anyMatch(c -> "dynamiclist".equals(c.path("type").asText()));
        boolean hasSubmitButton = components.stream().anyMatch(c -> "button".equals(c.path("type").asText())
                && "submit".equals(c.path("action").asText()));
        if (hasList && !hasSubmitButton) {
            findings.add(new LintFinding(file, null, "form has a repeating list (dynamiclist) but no button with"
                    + " action \"submit\": Tasklist's own Start/Complete button stays disabled once the list is edited"));
        }
    }

    /**
     * Tasklist renders a text component's markdown (and an html component's HTML) with the variables
     * filled in, so user input there becomes markup. Only plain variable references are allowed, each
     * one known to be safe ({@link FormTextVariables}); an expression could combine anything.
     */
    private static void checkMarkupShowsOnlySafeVariables(String file, JsonNode form, List<LintFinding> findings) {
        List<JsonNode> components = new ArrayList<>();
        collectComponents(form, components);
        for (JsonNode component : components) {
            String property = RENDERED_AS_MARKUP.get(component.path("type").asText());
            if (property == null) {
                continue;
            }
            String id = component.path("id").asText(null);
            String template = component.path(property).asText("");
            if (template.startsWith("=")) {
                findings.add(new LintFinding(file, id, "\"" + property + "\" is a FEEL expression, whose result would"
                        + " render as markup: write the text and show variables as {{name}}"));
                continue;
            }
            Matcher expression = TEMPLATE_EXPRESSION.matcher(template);
            while (expression.find()) {
                String content = expression.group(1).strip();
                if (content.equals("/if")) {
                    continue;
                }
                Matcher variable = SHOWN_VARIABLE.matcher(content);
                if (!variable.matches()) {
                    findings.add(new LintFinding(file, id, "{{" + content + "}} is an expression, whose result would render"
                            + " as markup: show plain variables only ({{name}}, {{#if name}})"));
                    continue;
                }
                FormTextVariables.whyNotShowable(variable.group(1))
                        .ifPresent(problem -> findings.add(new LintFinding(file, id, problem)));
            }
        }
    }

    private static void collectComponents(JsonNode parent, List<JsonNode> into) {
        for (JsonNode component : parent.path("components")) {
            into.add(component);
            collectComponents(component, into);
        }
    }

    private static Optional<Document> parse(String file, byte[] content, List<LintFinding> findings) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return Optional.of(factory.newDocumentBuilder().parse(new ByteArrayInputStream(content)));
        } catch (Exception e) {
            findings.add(new LintFinding(file, null, "not well-formed XML: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** The engine parses against the BPMN/DMN schema; report its complaint here, naming the file. */
    private static boolean conformsToSchema(String file, byte[] content, Function<InputStream, ?> modelReader,
                                            List<LintFinding> findings) {
        try {
            modelReader.apply(new ByteArrayInputStream(content));
            return true;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            findings.add(new LintFinding(file, null, "does not conform to the schema: " + cause.getMessage()));
            return false;
        }
    }

    private static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    private static String nearestId(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isBlank()) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    private static List<Element> elements(Document doc, String namespace, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS(namespace, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static List<Element> allElements(Document doc) {
        return elements(doc, "*", "*");
    }
}
