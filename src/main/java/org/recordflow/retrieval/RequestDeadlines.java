package org.recordflow.retrieval;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.Problems;
import org.recordflow.retrieval.Correspondence.Direction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadlines of a request: the legal deadline (when it passes, the request escalates; the one
 * extension a provider may take moves it), the firm's target (follow-ups start there), the fee
 * payment that starts a Texas clock, and escalation.
 */
@Service
public class RequestDeadlines {

    static final String EXTENSION_MESSAGE = "ExtensionRecorded";
    /** record_request.extension_reason holds 2000; the log's outcome also says which dates moved. */
    static final int MAX_REASON_LENGTH = 1900;

    static final String PAYMENT_MESSAGE = "PaymentRecorded";

    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final CorrespondenceLog log;
    private final RetrievalLetters letters;
    private final GeneratedDocuments documents;
    private final DeadlineDates dates;
    private final RuntimeService runtime;
    private final Clock clock;

    RequestDeadlines(RecordRequestService requests, CaseFileService cases, CorrespondenceLog log, RetrievalLetters letters,
                     GeneratedDocuments documents, DeadlineDates dates, RuntimeService runtime, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.log = log;
        this.letters = letters;
        this.documents = documents;
        this.dates = dates;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * What record-request.bpmn's timers and forms need once a request is sent.
     *
     * @param deadlineAt    when the deadline timer escalates: the start of the day after the legal deadline
     *                      (while the clock waits for the fee, after the earliest deadline payment could give)
     * @param dueOn         the deadline as the paralegal's forms show it, saying whether it is statutory
     * @param targetOn      the firm's target, or "-" while the clock has not started
     * @param followUpCycle follow-ups from the target on, every follow-up period of the rule
     */
    public record Timers(Date deadlineAt, String dueOn, String targetOn, String followUpCycle) {
    }

    public Timers timers(RecordRequest request) {
        DeadlineRule rule = request.deadlineRule();
        String everyPeriod = "P" + rule.followUpDays() + "D";
        LocalDate due = request.effectiveDueOn();
        if (due == null) {
            if (!request.awaitingPayment()) {
                throw new IllegalStateException("Request " + request.id() + " has no due date: its receipt date is unknown");
            }
            LocalDate earliest = requests.schedule(request, request.providerReceivedOn(), request.providerReceivedOn()).legalDueOn();
            return new Timers(startOf(earliest.plusDays(1)), "not running yet: under " + rule.citation()
                    + " the clock starts when the fee is paid (record the payment on the request file)", "-", "R/" + everyPeriod);
        }
        LocalDate target = request.targetOn() != null ? request.targetOn() : due; // sent before targets existed
        ZonedDateTime firstFollowUp = target.atStartOfDay(clock.getZone());
        while (!firstFollowUp.toInstant().isAfter(clock.instant())) {
            firstFollowUp = firstFollowUp.plusDays(rule.followUpDays());
        }
        return new Timers(startOf(due.plusDays(1)), describe(rule, due), target.toString(),
                "R/" + firstFollowUp.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/" + everyPeriod);
    }

    static String describe(DeadlineRule rule, LocalDate due) {
        return due + (rule.statutory() ? " (legal deadline, " + rule.citation() + ")"
                : " (the date we asked for: firm policy, no statutory deadline)");
    }

    private Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }

    /**
     * The holder's fee was paid on {@code paidOn}. Where the request's rule counts from receipt and
     * payment (Texas), its clock starts then: the legal deadline and target are set and the process
     * re-arms its timers. Recorded once.
     */
    @Transactional
    public RecordRequest recordPayment(long requestId, LocalDate paidOn) {
        RecordRequest request = requests.get(requestId);
        var problems = new Problems();
        problems.require(request.paymentReceivedOn() == null, "The fee payment was already recorded (paid on "
                + request.paymentReceivedOn() + ")");
        problems.require(request.status() == RequestStatus.TO_SEND || request.status() == RequestStatus.SENT,
                "Request " + requestId + " is no longer waiting for records (status " + request.status() + ")");
        problems.require(paidOn != null, "The date the fee was paid is required");
        problems.require(paidOn == null || !paidOn.isAfter(LocalDate.now(clock)), "The payment date " + paidOn + " is in the future");
        problems.throwIfAny();
        boolean clockWaits = request.awaitingPayment();
        var schedule = clockWaits ? requests.schedule(request, request.providerReceivedOn(), paidOn)
                : new DeadlineDates.Schedule(null, request.dueOn(), request.targetOn());
        requests.recordPayment(requestId, paidOn, schedule);
        if (clockWaits && request.processInstanceId() != null) {
            runtime.createMessageCorrelation(PAYMENT_MESSAGE).processInstanceId(request.processInstanceId()).correlateAll();
        }
        return requests.get(requestId);
    }

    /**
     * Records the provider's written extension notice: once, only where the rule allows it, only
     * received before the original deadline, and for no more than the allowed days. The request's
     * process hears of it and re-arms its deadline timer.
     */
    @Transactional
    public RecordRequest recordExtension(long requestId, LocalDate noticeReceivedOn, LocalDate newDueOn, String reason,
                                         String actor) {
        RecordRequest request = requests.get(requestId);
        DeadlineRule rule = request.deadlineRule();
        var problems = new Problems();
        if (request.extendedDueOn() != null) {
            throw new InvalidInputException("An extension was already recorded for this request (due "
                    + request.extendedDueOn() + "): a second extension is not allowed");
        }
        if (!rule.extensionAllowed()) {
            throw new InvalidInputException("The rule for this request (" + request.legalBasis()
                    + ") allows no extension: the deadline stays " + request.dueOn());
        }
        if (request.dueOn() == null || request.status() != RequestStatus.SENT) {
            throw new InvalidInputException("Only a sent request with a due date can be extended");
        }
        LocalDate latest = request.dueOn().plusDays(rule.extensionDays());
        problems.require(noticeReceivedOn != null, "The date the extension notice was received is required");
        problems.require(noticeReceivedOn == null || !noticeReceivedOn.isAfter(request.dueOn()),
                "The notice came on " + noticeReceivedOn + ", after the original deadline " + request.dueOn()
                        + ": an extension must be given within the first period");
        problems.require(noticeReceivedOn == null || !noticeReceivedOn.isAfter(LocalDate.now(clock)),
                "The notice date " + noticeReceivedOn + " is in the future");
        problems.require(newDueOn != null, "The new due date from the notice is required");
        problems.require(newDueOn == null || newDueOn.isAfter(request.dueOn()),
                "The new due date " + newDueOn + " is not after the original " + request.dueOn());
        problems.require(newDueOn == null || !newDueOn.isAfter(latest),
                "The new due date " + newDueOn + " is more than " + rule.extensionDays() + " days after the original "
                        + request.dueOn() + " (latest allowed: " + latest + ")");
        problems.require(reason != null && !reason.isBlank(), "The reason given in the notice is required");
        problems.requireAtMost(reason, MAX_REASON_LENGTH, "The reason");
        problems.throwIfAny();
        LocalDate clockStart = requests.schedule(request, request.providerReceivedOn(), request.paymentReceivedOn()).clockStartedOn();
        requests.recordExtension(requestId, noticeReceivedOn, newDueOn,
                dates.target(rule, request.holderState(), newDueOn, clockStart), reason);
        log.append(request, new CorrespondenceLog.Entry(Direction.INCOMING, ContactChannel.MAIL, actor,
                request.holderName(), "Written extension notice received on " + noticeReceivedOn,
                "deadline moved from " + request.dueOn() + " to " + newDueOn + ": " + reason, "extension notice", List.of()));
        if (request.processInstanceId() != null) {
            runtime.createMessageCorrelation(EXTENSION_MESSAGE).processInstanceId(request.processInstanceId()).correlateAll();
        }
        return requests.get(requestId);
    }

    /** @param alreadyEscalated nothing to escalate: escalated before, or the clock has not started (no fee paid yet) */
    public record Escalation(boolean alreadyEscalated, List<StoredDocument> drafts) {
    }

    /** The deadline passed: draft letters for the supervisor; for patient access, a draft OCR complaint too. */
    @Transactional
    public Escalation escalate(long requestId) {
        RecordRequest request = requests.get(requestId);
        if (requests.escalatedOn(requestId) != null || request.effectiveDueOn() == null) {
            return new Escalation(true, List.of());
        }
        CaseFile caseFile = cases.get(request.caseId());
        RecordHolder holder = cases.holder(caseFile.id(), request.holderId());
        List<Correspondence> contacts = log.forRequest(requestId);
        List<StoredDocument> drafts = new ArrayList<>();
        drafts.add(documents.store(caseFile.id(), requestId, "ESCALATION_LETTER", "escalation-" + requestId + ".pdf",
                letters.escalationLetter(request, caseFile, holder, LocalDate.now(clock), contacts)));
        if (request.legalBasis() == LegalBasis.PATIENT_ACCESS || request.legalBasis() == LegalBasis.PATIENT_DIRECTED_ELECTRONIC) {
            drafts.add(documents.store(caseFile.id(), requestId, "OCR_COMPLAINT_DRAFT", "ocr-complaint-" + requestId + ".pdf",
                    letters.ocrComplaintDraft(request, caseFile, holder, contacts)));
        }
        requests.markEscalated(requestId, LocalDate.now(clock));
        return new Escalation(false, drafts);
    }

    public byte[] diligenceReport(long requestId) {
        RecordRequest request = requests.get(requestId);
        return letters.diligenceReport(request, cases.get(request.caseId()), log.forRequest(requestId), LocalDate.now(clock));
    }
}
