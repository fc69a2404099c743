package org.recordflow.platform;

import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which process variables the markdown of a Camunda Form may show ({@code {{name}}} in a text
 * component), and the escaped copies every user task gets of those that hold user input.
 * <p>
 * Tasklist renders a text component's markdown, with the variables filled in, as HTML: a client
 * named {@code ![x](https://elsewhere/t.png)} would show an image. So a form may interpolate only
 * <ul>
 * <li>{@link #PLAIN}: ids, numbers, dates and labels that Recordflow code writes, never user text;</li>
 * <li>{@link #BUILT_MARKDOWN}: markdown that Recordflow code builds with {@link Markdown};</li>
 * <li>{@code <name>Markdown} for a name in {@link #ESCAPED}: when a task is created it gets a local
 * variable of that name holding {@link Markdown#text} of the variable {@code name}.</li>
 * </ul>
 * Free text a form should show otherwise goes into a read-only field bound to the variable (shown as
 * an input's value, never as markup). {@link ProcessModelLint} refuses any other interpolation.
 */
@Component
public class FormTextVariables {

    public static final String ESCAPED_SUFFIX = "Markdown";

    /** Written only by Recordflow code, from ids, numbers, dates and enum labels. */
    static final Set<String> PLAIN = Set.of("caseId", "caseReference", "recordRequestId", "recordType", "dueOn", "targetOn",
            "authorizationExpiresOn", "binderPageCount", "encounterCount");

    /** Markdown built by Recordflow code: links to our own documents, their text escaped with {@link Markdown}. */
    static final Set<String> BUILT_MARKDOWN = Set.of("letterLinks", "escalationDrafts", "authorizationDocuments");

    /** Variables holding what a user entered (or submitted through the REST API) that forms show. */
    static final Set<String> ESCAPED = Set.of("clientName", "holderName", "responseNotes", "qualityNotes", "demandNotes",
            "decisionNotes", "escalationAction", "authorizationDefects", "feeAmount", "invoiceDate", "specialsTotal");

    /** Gives the task being created the escaped copies its form may show (Spring eventing of the engine's task events). */
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void addEscapedCopies(DelegateTask task) {
        for (String name : ESCAPED) {
            Object value = task.getVariable(name);
            if (value != null) {
                task.setVariableLocal(name + ESCAPED_SUFFIX, Markdown.text(value));
            }
        }
    }

    /** Why a form's markdown must not show this variable; empty when it may. */
    static Optional<String> whyNotShowable(String name) {
        if (PLAIN.contains(name) || BUILT_MARKDOWN.contains(name)) {
            return Optional.empty();
        }
        if (ESCAPED.contains(name)) {
            return Optional.of("{{" + name + "}} may hold user input, which would render as markup: show {{" + name
                    + ESCAPED_SUFFIX + "}}, its escaped copy");
        }
        if (name.endsWith(ESCAPED_SUFFIX) && ESCAPED.contains(name.substring(0, name.length() - ESCAPED_SUFFIX.length()))) {
            return Optional.empty();
        }
        return Optional.of("{{" + name + "}} is not known to be safe markdown: show user text in a read-only textfield,"
                + " or list the variable in FormTextVariables (PLAIN, BUILT_MARKDOWN or ESCAPED)");
    }
}
