package org.recordflow.retrieval;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.casefile.ReleaseRoute;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.Problems;
import org.recordflow.retrieval.Correspondence.Direction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What providers answer while a request is open: productions, fees, forms, portals, wrong departments, refusals. */
@Service
public class ProviderResponses {

    static final String FEE_DECISION = "fee-approval";
    /** The widths of the correspondence log's outcome and of a supplemental request's description. */
    static final int MAX_NOTES_LENGTH = 2000;
    static final int MAX_MISSING_LENGTH = 2000;
    /** The log's subject holds 400 characters: a long description of what is missing is shortened there. */
    static final int MAX_SUBJECT_LENGTH = 400;

    public enum FeeApproval { AUTO_APPROVE, PARALEGAL, ATTORNEY }

    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final CorrespondenceLog log;
    private final RequestRules rules;
    private final DecisionService decisions;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProviderResponses(RecordRequestService requests, CaseFileService cases, CorrespondenceLog log, RequestRules rules,
                      DecisionService decisions, JdbcClient jdbc, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.log = log;
        this.rules = rules;
        this.decisions = decisions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Logs the response and applies what can be applied at once; returns the path the process takes. */
    @Transactional
    public ProviderResponse.Route record(long requestId, ProviderResponse response, String actor, String recordedBy) {
        validate(response);
        RecordRequest request = requests.get(requestId);
        log.append(request, new CorrespondenceLog.Entry(Direction.INCOMING, response.channel(), actor, request.holderName(),
                describe(response), response.notes(), recordedBy, List.of()));
        switch (response.type()) {
            case PRODUCTION_COMPLETE -> requests.recordProduction(requestId, ProductionOutcome.COMPLETE, response.receivedOn());
            case PRODUCTION_PARTIAL -> requests.recordProduction(requestId, ProductionOutcome.PARTIAL, response.receivedOn());
            case NO_RECORDS -> requests.recordProduction(requestId, ProductionOutcome.NONE, response.receivedOn());
            default -> { }
        }
        return response.type().route();
    }

    /** Records the invoice and decides who approves it, by {@code fee-approval.dmn}. */
    @Transactional
    public FeeInvoice recordFeeInvoice(long requestId, BigDecimal amount, LocalDate invoiceDate) {
        RecordRequest request = requests.get(requestId);
        String approval = decisions.evaluateDecisionTableByKey(FEE_DECISION,
                        Map.of("amount", amount.doubleValue(), "legalBasis", request.legalBasis().name()))
                .getSingleResult().getSingleEntry();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into fee_invoice (request_id, amount, invoice_date, approval) values (?, ?, ?, ?)")
                .params(requestId, amount, invoiceDate, approval).update(keys, "id");
        FeeInvoice invoice = new FeeInvoice(keys.getKey().longValue(), requestId, amount, FeeApproval.valueOf(approval));
        if (invoice.approval() == FeeApproval.AUTO_APPROVE) {
            decideFee(invoice.id(), true, "below the auto-approval threshold", RequestDispatch.SYSTEM_ACTOR, "fee-approval.dmn");
        }
        return invoice;
    }

    public record FeeInvoice(long id, long requestId, BigDecimal amount, FeeApproval approval) {
    }

    @Transactional
    public void decideFee(long invoiceId, boolean approved, String reason, String actor, String recordedBy) {
        var problems = new Problems().require(approved || (reason != null && !reason.isBlank()),
                "Say why the invoice is disputed: the provider gets that reason");
        problems.requireAtMost(reason, MAX_NOTES_LENGTH, "The reason");
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update fee_invoice set decision = ?, decided_by = ?, decided_at = ?, reason = ?
                where id = ? and decision is null
                """).params(approved ? "APPROVED" : "DISPUTED", actor, OffsetDateTime.now(clock), reason, invoiceId).update();
        if (updated == 0) {
            throw new InvalidInputException("Fee invoice " + invoiceId + " was already decided");
        }
        long requestId = jdbc.sql("select request_id from fee_invoice where id = ?").param(invoiceId).query(Long.class).single();
        RecordRequest request = requests.get(requestId);
        log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, ContactChannel.MAIL, actor, request.holderName(),
                approved ? "Fee invoice approved for payment" : "Fee invoice disputed", reason, recordedBy, List.of()));
    }

    /**
     * The request reached the wrong department (or the vendor has none on file): route it again by
     * the routing table for the release route the provider named, and send it again. The original
     * dates stay in the log; the clock restarts from the new receipt.
     */
    @Transactional
    public String reroute(long requestId, ReleaseRoute correctRoute, String actor, String recordedBy) {
        RecordRequest request = requests.get(requestId);
        RecordHolder holder = cases.holder(request.caseId(), request.holderId());
        String department = rules.routing(holder.holderType(), request.recordType(),
                correctRoute == null ? holder.releasedVia() : correctRoute).department();
        log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, ContactChannel.MAIL, actor, department,
                "Request re-routed from " + request.department() + " to " + department,
                "first sent " + request.sentOn() + ", received by the provider " + request.providerReceivedOn()
                        + ", due " + request.effectiveDueOn() + "; a new request is sent", recordedBy, List.of()));
        requests.reroute(requestId, department);
        return department;
    }

    /** A partial production: a new request for what is missing, chased like the original. */
    @Transactional
    public long openSupplemental(long requestId, String missing) {
        long supplementalId = requests.openSupplemental(requestId, missing);
        RecordRequest request = requests.get(requestId);
        log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, ContactChannel.MAIL, RequestDispatch.SYSTEM_ACTOR,
                request.holderName(), "Supplemental request " + supplementalId + " opened for missing records", missing,
                "partial production", List.of()));
        return supplementalId;
    }

    @Transactional
    public void closeRefused(long requestId, String reason) {
        requests.close(requestId, RequestStatus.REFUSED, reason);
    }

    private static void validate(ProviderResponse response) {
        var problems = new Problems();
        problems.require(response.type() != null, "Say what the provider answered");
        problems.require(response.channel() != null, "Say how the answer came (mail, fax, e-mail, phone, portal)");
        if (response.type() != null) {
            switch (response.type()) {
                case PRODUCTION_COMPLETE, PRODUCTION_PARTIAL, NO_RECORDS ->
                        problems.require(response.receivedOn() != null, "The date the records (or the answer) arrived is required");
                case FEE_INVOICE -> {
                    problems.require(response.feeAmount() != null && response.feeAmount().signum() > 0, "The invoice amount is required");
                    problems.require(response.invoiceDate() != null, "The invoice date is required");
                }
                case REFUSAL -> problems.require(response.notes() != null, "Record the reason the provider gave for refusing");
                default -> { }
            }
            problems.require(response.type() != ProviderResponse.Type.PRODUCTION_PARTIAL || response.missingRecords() != null,
                    "Describe what is missing: the supplemental request asks for it");
        }
        problems.requireAtMost(response.missingRecords(), MAX_MISSING_LENGTH, "What is missing");
        problems.requireAtMost(response.notes(), MAX_NOTES_LENGTH, "Notes");
        problems.throwIfAny();
    }

    private static String describe(ProviderResponse response) {
        return switch (response.type()) {
            case PRODUCTION_COMPLETE -> "Records received: complete production";
            case PRODUCTION_PARTIAL -> clip("Records received: partial production; missing: " + response.missingRecords(),
                    MAX_SUBJECT_LENGTH);
            case NO_RECORDS -> "Provider has no records for the patient";
            case FEE_INVOICE -> "Fee invoice of $" + response.feeAmount() + " dated " + response.invoiceDate();
            case IDENTITY_VERIFICATION -> "Provider requires identity verification";
            case PROVIDER_FORM -> "Provider requires its own release form";
            case PORTAL_ACCESS -> "Provider releases through its portal: access needed";
            case WRONG_DEPARTMENT -> "Provider says the request went to the wrong department";
            case NO_REQUEST_ON_FILE -> "Provider (or its ROI vendor) has no request on file";
            case REFUSAL -> "Provider refused to release the records";
        };
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
