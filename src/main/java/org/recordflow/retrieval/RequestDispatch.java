package org.recordflow.retrieval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recordflow.authorization.AuthorizationStatus;
import org.recordflow.authorization.HipaaAuthorization;
import org.recordflow.authorization.HipaaAuthorizationService;
import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.casefile.SendChannel;
import org.recordflow.retrieval.Correspondence.Direction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends requests and follow-ups: letters are generated and stored with their hash, e-mail goes
 * through the outbox, and every send is in the correspondence log.
 */
@Service
public class RequestDispatch {

    public static final String SYSTEM_ACTOR = "Recordflow";

    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final HipaaAuthorizationService authorizations;
    private final RetrievalLetters letters;
    private final GeneratedDocuments documents;
    private final CorrespondenceLog log;
    private final MailOutbox outbox;
    private final MailProperties mail;
    private final SubpoenaDocuments subpoenas;
    private final Clock clock;

    RequestDispatch(RecordRequestService requests, CaseFileService cases, HipaaAuthorizationService authorizations,
                    RetrievalLetters letters, GeneratedDocuments documents, CorrespondenceLog log, MailOutbox outbox,
                    MailProperties mail, SubpoenaDocuments subpoenas, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.authorizations = authorizations;
        this.letters = letters;
        this.documents = documents;
        this.log = log;
        this.outbox = outbox;
        this.mail = mail;
        this.subpoenas = subpoenas;
        this.clock = clock;
    }

    public enum FollowUp { EMAILED, BY_HAND, SKIPPED }

    public record FollowUpOutcome(FollowUp kind, Long mailId) {
    }

    /** The request letter with its enclosures, stored for the paralegal or the outbox to send. */
    @Transactional
    public List<StoredDocument> prepareLetter(long requestId) {
        RecordRequest request = requests.get(requestId);
        CaseFile caseFile = cases.get(request.caseId());
        List<StoredDocument> enclosures = request.legalBasis() == LegalBasis.SUBPOENA
                ? List.of(subpoenas.requireForSending(caseFile)) : enclosures(request, caseFile);
        byte[] letter = letters.requestLetter(request, caseFile, holder(request), LocalDate.now(clock),
                enclosures.stream().map(StoredDocument::fileName).toList());
        List<StoredDocument> all = new ArrayList<>();
        all.add(documents.store(caseFile.id(), requestId, "REQUEST_LETTER", "request-" + requestId + ".pdf", letter));
        all.addAll(enclosures);
        return all;
    }

    /** Logs the e-mail and puts it in the outbox, in the caller's transaction; delivery follows after commit. */
    @Transactional
    public long queueRequestEmail(long requestId, List<StoredDocument> letterAndEnclosures, String recordedBy) {
        RecordRequest request = requests.get(requestId);
        RecordHolder holder = holder(request);
        String subject = "Request for " + request.recordType().label().toLowerCase(Locale.ROOT) + " - our reference "
                + cases.get(request.caseId()).reference();
        long entryId = log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, ContactChannel.EMAIL,
                SYSTEM_ACTOR, holder.email(), subject, "queued for delivery", recordedBy, letterAndEnclosures));
        return outbox.enqueue(requestId, entryId, holder.email(), subject,
                "Please find our request and its enclosures attached. Kindly reply to this address.",
                letterAndEnclosures, mail.messageIdDomain());
    }

    /** After a delivery attempt: a delivered request starts its clock today; an unsent one waits for the paralegal. */
    @Transactional
    public void recordDelivery(long mailId, OutboundMail.Status status, String recordedBy) {
        OutboundMail sent = outbox.find(mailId).orElseThrow();
        RecordRequest request = requests.get(sent.requestId());
        boolean delivered = status == OutboundMail.Status.SENT;
        log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, ContactChannel.EMAIL, SYSTEM_ACTOR,
                sent.toAddress(), sent.subject(), delivered ? "delivered to the mail server, Message-ID " + sent.messageId()
                        : "NOT SENT: no mail server is configured; send it by hand", recordedBy, List.of()));
        if (delivered && request.status() == RequestStatus.TO_SEND) {
            LocalDate today = LocalDate.now(clock);
            requests.markSent(request.id(), SendChannel.EMAIL, today, today);
        }
    }

    /** The paralegal sent it by fax, mail or portal (or by hand after a failed e-mail). */
    @Transactional
    public void recordManualSend(long requestId, SendChannel channel, LocalDate sentOn, LocalDate receivedOn,
                                 List<StoredDocument> sentDocuments, String actor, String recordedBy) {
        RecordRequest request = requests.get(requestId);
        requests.markSent(requestId, channel, sentOn, receivedOn);
        RecordHolder holder = holder(request);
        log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, ContactChannel.valueOf(channel.name()), actor,
                holder.addressFor(channel), "Record request sent" + (sentOn == null ? "" : " on " + sentOn),
                receivedOn == null ? null : "received by the provider on " + receivedOn, recordedBy, sentDocuments));
    }

    /** A follow-up falls due: e-mailed where the holder takes e-mail, otherwise a call or fax by the paralegal. */
    @Transactional
    public FollowUpOutcome followUp(long requestId, String recordedBy) {
        RecordRequest request = requests.get(requestId);
        if (request.status() != RequestStatus.SENT || requests.isPaused(requestId)) {
            return new FollowUpOutcome(FollowUp.SKIPPED, null);
        }
        RecordHolder holder = holder(request);
        if (holder.channel() != SendChannel.EMAIL) {
            return new FollowUpOutcome(FollowUp.BY_HAND, null);
        }
        CaseFile caseFile = cases.get(request.caseId());
        int number = followUpsSent(requestId) + 1;
        StoredDocument letter = documents.store(caseFile.id(), requestId, "FOLLOW_UP_LETTER",
                "follow-up-" + requestId + "-" + number + ".pdf",
                letters.followUpLetter(request, caseFile, holder, LocalDate.now(clock), number));
        String subject = "Follow-up " + number + ": request for records - our reference " + caseFile.reference();
        long entryId = log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, ContactChannel.EMAIL, SYSTEM_ACTOR,
                holder.email(), subject, "queued for delivery", recordedBy, List.of(letter)));
        requests.countFollowUp(requestId);
        return new FollowUpOutcome(FollowUp.EMAILED, outbox.enqueue(requestId, entryId, holder.email(), subject,
                "Please see our follow-up letter attached.", List.of(letter), mail.messageIdDomain()));
    }

    @Transactional
    public void recordManualFollowUp(long requestId, ContactChannel channel, String counterpart, String outcome,
                                     String actor, String recordedBy) {
        RecordRequest request = requests.get(requestId);
        log.append(request, new CorrespondenceLog.Entry(Direction.OUTGOING, channel, actor, counterpart,
                "Follow-up " + (followUpsSent(requestId) + 1), outcome, recordedBy, List.of()));
        requests.countFollowUp(requestId);
    }

    int followUpsSent(long requestId) {
        return requests.followUpsSent(requestId);
    }

    private List<StoredDocument> enclosures(RecordRequest request, CaseFile caseFile) {
        if (request.legalBasis() != LegalBasis.AUTHORIZATION) {
            return List.of();
        }
        List<StoredDocument> enclosed = new ArrayList<>();
        for (HipaaAuthorization authorization : authorizations.forCase(caseFile.id())) {
            if (authorization.status() == AuthorizationStatus.ACTIVE) {
                enclosed.add(documents.store(caseFile.id(), request.id(), "AUTHORIZATION",
                        "authorization-" + authorization.id() + "-" + authorization.scope().name().toLowerCase(Locale.ROOT) + ".pdf",
                        authorizations.pdf(authorization.id())));
            }
        }
        return enclosed;
    }

    private RecordHolder holder(RecordRequest request) {
        return cases.holder(request.caseId(), request.holderId());
    }
}
