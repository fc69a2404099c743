package org.recordflow.retrieval;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.casefile.ReleaseRoute;
import org.recordflow.casefile.SendChannel;
import org.recordflow.platform.CurrentUser;
import org.recordflow.platform.Enums;
import org.recordflow.platform.Markdown;
import org.recordflow.platform.Problems;
import org.recordflow.platform.ProcessVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process adapters of record-request.bpmn: each reads variables, calls a retrieval service and
 * writes back what the next gateway or form needs.
 */
@Configuration(proxyBeanMethods = false)
class RecordRequestDelegates {

    static final String SUPPLEMENTAL_MESSAGE = "SupplementalRequestOpened";
    /** The transient variable a business rule task without a result variable leaves its decision's result in. */
    static final String DECISION_RESULT = "decisionResult";

    @Bean
    JavaDelegate prepareRequestLetter(RequestDispatch dispatch) {
        return execution -> {
            List<StoredDocument> documents = dispatch.prepareLetter(requestId(execution));
            execution.setVariable(RecordRequestVariables.LETTER_DOCUMENTS,
                    documents.stream().map(d -> String.valueOf(d.id())).collect(Collectors.joining(",")));
            execution.setVariable(RecordRequestVariables.LETTER_LINKS, links(documents));
        };
    }

    @Bean
    JavaDelegate queueRequestEmail(RequestDispatch dispatch, GeneratedDocuments documents) {
        return execution -> execution.setVariable(RecordRequestVariables.OUTBOUND_MAIL_ID,
                dispatch.queueRequestEmail(requestId(execution), letterDocuments(execution, documents), trigger(execution)));
    }

    /** Asynchronous, retried: delivers the outbox mail at most once and records the outcome. */
    @Bean
    JavaDelegate deliverMail(MailDelivery delivery, RequestDispatch dispatch) {
        return execution -> {
            long mailId = ProcessVariables.id(execution, RecordRequestVariables.OUTBOUND_MAIL_ID);
            OutboundMail.Status status = delivery.deliver(mailId);
            dispatch.recordDelivery(mailId, status, trigger(execution));
            execution.setVariableLocal(RecordRequestVariables.MAIL_DELIVERED, status == OutboundMail.Status.SENT);
        };
    }

    @Bean
    JavaDelegate recordRequestSent(RequestDispatch dispatch, GeneratedDocuments documents) {
        return execution -> {
            var problems = new Problems();
            SendChannel channel = Enums.parse(SendChannel.class, ProcessVariables.text(execution, "sentBy"), "Sent by", problems);
            var sentOn = ProcessVariables.date(execution, RecordRequestVariables.SENT_ON, "Date sent", problems);
            var receivedOn = ProcessVariables.date(execution, RecordRequestVariables.PROVIDER_RECEIVED_ON,
                    "Date the provider received the request", problems);
            problems.require(channel != null, "Say how the request was sent");
            problems.require(receivedOn != null, "The date the provider received the request is required: the deadline runs from it");
            problems.throwIfAny();
            dispatch.recordManualSend(requestId(execution), channel, sentOn, receivedOn,
                    letterDocuments(execution, documents), CurrentUser.of(execution), trigger(execution));
        };
    }

    /**
     * Ends record-request.bpmn's business rule task "Decide deadline rule": stores the row of
     * request-deadline.dmn it chose (the transient {@code decisionResult}, never an Object variable).
     */
    @Bean
    ExecutionListener applyDeadlineRule(RecordRequestService requests) {
        return execution -> {
            DeadlineFacts facts = DeadlineFacts.of(execution);
            DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
            requests.applyRule(requestId(execution), RequestRules.deadline(result, facts), facts.holderState());
        };
    }

    /** Arms the timers: the legal deadline, the follow-ups from the firm's target on. */
    @Bean
    JavaDelegate startDeadlineClock(RecordRequestService requests, RequestDeadlines deadlines) {
        return execution -> {
            RequestDeadlines.Timers timers = deadlines.timers(requests.get(requestId(execution)));
            execution.setVariable(RecordRequestVariables.DEADLINE_AT, timers.deadlineAt());
            execution.setVariable(RecordRequestVariables.DUE_ON, timers.dueOn());
            execution.setVariable(RecordRequestVariables.TARGET_ON, timers.targetOn());
            execution.setVariable(RecordRequestVariables.FOLLOW_UP_CYCLE, timers.followUpCycle());
        };
    }

    @Bean
    JavaDelegate prepareFollowUp(RequestDispatch dispatch) {
        return execution -> {
            RequestDispatch.FollowUpOutcome outcome = dispatch.followUp(requestId(execution), trigger(execution));
            execution.setVariableLocal(RecordRequestVariables.FOLLOW_UP_KIND, outcome.kind().name());
            if (outcome.mailId() != null) {
                execution.setVariableLocal(RecordRequestVariables.OUTBOUND_MAIL_ID, outcome.mailId());
            }
        };
    }

    @Bean
    JavaDelegate recordManualFollowUp(RequestDispatch dispatch) {
        return execution -> {
            var problems = new Problems();
            ContactChannel channel = Enums.parse(ContactChannel.class, ProcessVariables.text(execution, "followUpChannel"),
                    "Follow-up channel", problems);
            problems.require(channel != null, "Say how you followed up (phone, fax, mail, portal, e-mail)");
            problems.require(ProcessVariables.text(execution, "followUpOutcome") != null, "Record what the provider said");
            problems.throwIfAny();
            dispatch.recordManualFollowUp(requestId(execution), channel, ProcessVariables.text(execution, "followUpContact"),
                    ProcessVariables.text(execution, "followUpOutcome"), CurrentUser.of(execution), trigger(execution));
        };
    }

    @Bean
    JavaDelegate escalateOverdueRequest(RequestDeadlines deadlines) {
        return execution -> {
            RequestDeadlines.Escalation escalation = deadlines.escalate(requestId(execution));
            execution.setVariableLocal(RecordRequestVariables.ALREADY_ESCALATED, escalation.alreadyEscalated());
            execution.setVariable(RecordRequestVariables.ESCALATION_DRAFTS, links(escalation.drafts()));
        };
    }

    @Bean
    JavaDelegate recordProviderResponse(ProviderResponses responses) {
        return execution -> {
            var problems = new Problems();
            var response = new ProviderResponse(
                    Enums.parse(ProviderResponse.Type.class, ProcessVariables.text(execution, RecordRequestVariables.RESPONSE_TYPE),
                            "Provider's answer", problems),
                    ProcessVariables.date(execution, "responseReceivedOn", "Date received", problems),
                    Enums.parse(ContactChannel.class, ProcessVariables.text(execution, "responseChannel"), "Received by", problems),
                    ProcessVariables.text(execution, "responseNotes"),
                    ProcessVariables.text(execution, RecordRequestVariables.MISSING_RECORDS),
                    ProcessVariables.amount(execution, "feeAmount", "Invoice amount"),
                    ProcessVariables.date(execution, "invoiceDate", "Invoice date", problems),
                    Enums.parse(ReleaseRoute.class, ProcessVariables.text(execution, "correctRoute"), "Correct department", problems));
            problems.throwIfAny();
            ProviderResponse.Route route = responses.record(requestId(execution), response, CurrentUser.of(execution),
                    trigger(execution));
            execution.setVariable(RecordRequestVariables.RESPONSE_ROUTE, route.name());
            execution.setVariable(RecordRequestVariables.PRODUCTION_OUTCOME, switch (response.type()) {
                case PRODUCTION_COMPLETE -> ProductionOutcome.COMPLETE.name();
                case PRODUCTION_PARTIAL -> ProductionOutcome.PARTIAL.name();
                case NO_RECORDS -> ProductionOutcome.NONE.name();
                default -> null;
            });
        };
    }

    /** The records module indexed a packet for this request: its completeness verdict is the production outcome. */
    @Bean
    JavaDelegate applyPacketVerdict(ProviderResponses responses) {
        return execution -> {
            String verdict = ProcessVariables.text(execution, "completenessVerdict");
            ProviderResponse.Type type = switch (verdict == null ? "" : verdict) {
                case "COMPLETE" -> ProviderResponse.Type.PRODUCTION_COMPLETE;
                case "PARTIAL" -> ProviderResponse.Type.PRODUCTION_PARTIAL;
                case "NONE" -> ProviderResponse.Type.NO_RECORDS;
                default -> throw new IllegalStateException("Unknown completeness verdict '" + verdict + "'");
            };
            String missing = ProcessVariables.text(execution, "missingCategories");
            var received = ProcessVariables.date(execution, "packetReceivedOn", "Packet received on", new Problems());
            responses.record(requestId(execution), new ProviderResponse(type, received, ContactChannel.MAIL,
                    "packet " + execution.getVariable("packetId") + " indexed", type == ProviderResponse.Type.PRODUCTION_PARTIAL
                    ? (missing == null ? "records the holder should have produced" : missing) : null,
                    null, null, null), "records module", "Message_PacketReceived");
            execution.setVariable(RecordRequestVariables.RESPONSE_ROUTE, ProviderResponse.Route.PRODUCTION.name());
            execution.setVariable(RecordRequestVariables.PRODUCTION_OUTCOME, ProductionOutcome.valueOf(
                    type == ProviderResponse.Type.NO_RECORDS ? "NONE" : verdict).name());
            execution.setVariable(RecordRequestVariables.MISSING_RECORDS, missing);
        };
    }

    @Bean
    JavaDelegate recordFeeInvoice(ProviderResponses responses) {
        return execution -> {
            ProviderResponses.FeeInvoice invoice = responses.recordFeeInvoice(requestId(execution),
                    ProcessVariables.amount(execution, "feeAmount", "Invoice amount"),
                    ProcessVariables.date(execution, "invoiceDate", "Invoice date", new Problems()));
            execution.setVariable(RecordRequestVariables.FEE_INVOICE_ID, invoice.id());
            execution.setVariable(RecordRequestVariables.FEE_APPROVAL, invoice.approval().name());
        };
    }

    @Bean
    JavaDelegate decideFeeInvoice(ProviderResponses responses) {
        return execution -> responses.decideFee(ProcessVariables.id(execution, RecordRequestVariables.FEE_INVOICE_ID),
                ProcessVariables.flag(execution, RecordRequestVariables.FEE_APPROVED),
                ProcessVariables.text(execution, "feeDecisionReason"), CurrentUser.of(execution), trigger(execution));
    }

    @Bean
    JavaDelegate logProviderRequirementMet(RequestDispatch dispatch) {
        return execution -> dispatch.recordManualFollowUp(requestId(execution), ContactChannel.valueOf(
                        ProcessVariables.text(execution, "requirementChannel") == null ? "PORTAL"
                                : ProcessVariables.text(execution, "requirementChannel")),
                null, "Provider requirement met: " + ProcessVariables.text(execution, "requirementNotes"),
                CurrentUser.of(execution), trigger(execution));
    }

    @Bean
    JavaDelegate rerouteRequest(ProviderResponses responses) {
        return execution -> responses.reroute(requestId(execution), Enums.parse(ReleaseRoute.class,
                ProcessVariables.text(execution, "correctRoute"), "Correct department", new Problems()),
                CurrentUser.of(execution), trigger(execution));
    }

    /** A partial production opens a supplemental request, with its own record-request process. */
    @Bean
    JavaDelegate openSupplementalRequest(ProviderResponses responses) {
        return execution -> {
            long supplementalId = responses.openSupplemental(requestId(execution),
                    ProcessVariables.text(execution, RecordRequestVariables.MISSING_RECORDS));
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(SUPPLEMENTAL_MESSAGE)
                    .processInstanceBusinessKey(execution.getProcessBusinessKey())
                    .setVariables(Variables.createVariables()
                            .putValue(CaseVariables.CASE_ID, execution.getVariable(CaseVariables.CASE_ID))
                            .putValue(CaseVariables.CASE_REFERENCE, execution.getVariable(CaseVariables.CASE_REFERENCE))
                            .putValue(CaseVariables.CLIENT_NAME, execution.getVariable(CaseVariables.CLIENT_NAME))
                            .putValue(CaseVariables.PARALEGAL_GROUP, execution.getVariable(CaseVariables.PARALEGAL_GROUP))
                            .putValue(RecordRequestVariables.RECORD_REQUEST_ID, supplementalId))
                    .correlateStartMessage();
        };
    }

    @Bean
    JavaDelegate closeRefusedRequest(ProviderResponses responses) {
        return execution -> responses.closeRefused(requestId(execution), ProcessVariables.text(execution, "refusalDecision"));
    }

    /** Attorney escalation waits this long after the supervisor's (ISO 8601 duration). */
    @Bean
    RetrievalSettings retrievalSettings(@Value("${recordflow.retrieval.attorney-escalation-after:P14D}") String attorneyEscalationAfter) {
        return new RetrievalSettings(attorneyEscalationAfter);
    }

    /** Public: the engine's expression language calls only methods of public classes (record-request.bpmn's timer). */
    public record RetrievalSettings(String attorneyEscalationAfter) {
    }

    private static long requestId(DelegateExecution execution) {
        return ProcessVariables.id(execution, RecordRequestVariables.RECORD_REQUEST_ID);
    }

    /** Which BPMN element made the contact, for the log: a task, or a timer's event subprocess. */
    private static String trigger(DelegateExecution execution) {
        return execution.getCurrentActivityId();
    }

    private static List<StoredDocument> letterDocuments(DelegateExecution execution, GeneratedDocuments documents) {
        String ids = ProcessVariables.text(execution, RecordRequestVariables.LETTER_DOCUMENTS);
        return ids == null ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).map(documents::describe).toList();
    }

    private static String links(List<StoredDocument> documents) {
        return documents.stream().map(d -> "- " + Markdown.link(d.fileName(), "/documents/" + d.id()))
                .collect(Collectors.joining("\n"));
    }
}
