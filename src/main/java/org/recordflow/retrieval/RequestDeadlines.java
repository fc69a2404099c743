package org.recordflow.retrieval;

import java.time.Clock;
import java.time.LocalDate;
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

/** The legal deadline of a request: when it passes, the one extension a provider may take, and escalation. */
@Service
public class RequestDeadlines {

    static final String EXTENSION_MESSAGE = "ExtensionRecorded";
    /** record_request.extension_reason holds 2000; the log's outcome also says which dates moved. */
    static final int MAX_REASON_LENGTH = 1900;

    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final CorrespondenceLog log;
    private final RetrievalLetters letters;
    private final GeneratedDocuments documents;
    private final RuntimeService runtime;
    private final Clock clock;

    RequestDeadlines(RecordRequestService requests, CaseFileService cases, CorrespondenceLog log, RetrievalLetters letters,
                     GeneratedDocuments documents, RuntimeService runtime, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.log = log;
        this.letters = letters;
        this.documents = documents;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The first moment the request is overdue: the start of the day after its due date, in the firm's zone. */
    public Date overdueFrom(RecordRequest request) {
        LocalDate due = request.effectiveDueOn();
        if (due == null) {
            throw new IllegalStateException("Request " + request.id() + " has no due date: its receipt date is unknown");
        }
        return Date.from(due.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
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
        requests.recordExtension(requestId, noticeReceivedOn, newDueOn, reason);
        log.append(request, new CorrespondenceLog.Entry(Direction.INCOMING, ContactChannel.MAIL, actor,
                request.holderName(), "Written extension notice received on " + noticeReceivedOn,
                "deadline moved from " + request.dueOn() + " to " + newDueOn + ": " + reason, "extension notice", List.of()));
        if (request.processInstanceId() != null) {
            runtime.createMessageCorrelation(EXTENSION_MESSAGE).processInstanceId(request.processInstanceId()).correlateAll();
        }
        return requests.get(requestId);
    }

    public record Escalation(boolean alreadyEscalated, List<StoredDocument> drafts) {
    }

    /** The deadline passed: draft letters for the supervisor; for patient access, a draft OCR complaint too. */
    @Transactional
    public Escalation escalate(long requestId) {
        RecordRequest request = requests.get(requestId);
        if (requests.escalatedOn(requestId) != null) {
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
