package org.recordflow.retrieval;

import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.SendChannel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Record requests: one per record holder and record type, from creation to production. */
@Service
public class RecordRequestService {

    private final RecordRequestRepository repository;
    private final CaseFileService cases;
    private final RequestRules rules;
    private final DeadlineDates dates;
    private final Clock clock;

    RecordRequestService(RecordRequestRepository repository, CaseFileService cases, RequestRules rules, DeadlineDates dates,
                         Clock clock) {
        this.repository = repository;
        this.cases = cases;
        this.rules = rules;
        this.dates = dates;
        this.clock = clock;
    }

    /**
     * Creates the requests of a case, one per holder and record type, each routed to its department
     * and carrying the deadline rule of the holder's state; idempotent, so a retried intake step never
     * doubles them. A holder no rule covers fails the whole step, naming the holder and the missing
     * rule: nothing is half-created.
     */
    @Transactional
    public List<Long> createForCase(long caseId) {
        CaseFile caseFile = cases.get(caseId);
        List<RecordHolder> holders = cases.holders(caseId);
        if (holders.isEmpty()) {
            throw new InvalidInputException("Case " + caseFile.reference() + " has no record holders to request records from");
        }
        for (RecordHolder holder : holders) {
            for (RecordType type : holder.recordTypes()) {
                DeadlineFacts facts = DeadlineFacts.of(caseFile, holder, type);
                DeadlineRule rule = ruleFor(holder, facts);
                var routing = rules.routing(holder.holderType(), type, holder.releasedVia());
                String department = holder.department() != null ? holder.department() : routing.department();
                repository.insertIfAbsent(caseId, holder.id(), type, caseFile.legalBasis(), department, rule, facts.holderState());
            }
        }
        return repository.idsForCase(caseId);
    }

    private DeadlineRule ruleFor(RecordHolder holder, DeadlineFacts facts) {
        try {
            DeadlineRule rule = rules.deadline(facts);
            dates.requireCalendar(rule, facts.holderState());
            return rule;
        } catch (InvalidInputException missing) {
            throw new InvalidInputException("Record holder '" + holder.name() + "': " + missing.getMessage());
        }
    }

    /** The facts the deadline table decides on for this request, as they stand now. */
    public DeadlineFacts deadlineFacts(long requestId) {
        RecordRequest request = get(requestId);
        CaseFile caseFile = cases.get(request.caseId());
        return DeadlineFacts.of(caseFile, cases.holder(caseFile.id(), request.holderId()), request.recordType());
    }

    /**
     * Stores the rule record-request.bpmn's business rule task chose when the request was prepared:
     * the case's facts may have changed since intake (an action filed, a defendant appeared).
     */
    @Transactional
    public void applyRule(long requestId, DeadlineRule rule, String holderState) {
        dates.requireCalendar(rule, holderState);
        repository.applyRule(requestId, rule, holderState);
    }

    /** The collection case-lifecycle's retrieval multi-instance iterates over. */
    public List<Long> idsForCase(Long caseId) {
        return repository.idsForCase(caseId);
    }

    public List<RecordRequest> forCase(long caseId) {
        return repository.forCase(caseId);
    }

    public RecordRequest get(long requestId) {
        return repository.find(requestId).orElseThrow(() -> new RecordRequestNotFoundException(requestId));
    }

    @Transactional
    public RecordRequest attachProcess(long requestId, String processInstanceId) {
        get(requestId);
        repository.linkProcessInstance(requestId, processInstanceId);
        return get(requestId);
    }

    @Transactional
    public void markSent(long requestId, SendChannel channel, LocalDate sentOn, LocalDate providerReceivedOn) {
        RecordRequest request = get(requestId);
        LocalDate today = LocalDate.now(clock);
        var problems = new Problems();
        problems.require(request.status() == RequestStatus.TO_SEND,
                "Request " + requestId + " was already sent (status " + request.status() + ")");
        problems.require(channel != null, "Channel is required (e-mail, fax, mail or portal)");
        if (sentOn == null) {
            problems.add("Date sent is required");
        } else {
            problems.require(!sentOn.isAfter(today), "Date sent " + sentOn + " is in the future");
        }
        if (providerReceivedOn != null) {
            problems.require(!providerReceivedOn.isAfter(today),
                    "Date the provider received the request " + providerReceivedOn + " is in the future");
            problems.require(sentOn == null || !providerReceivedOn.isBefore(sentOn),
                    "Date the provider received the request " + providerReceivedOn + " is before the date sent " + sentOn);
        }
        problems.throwIfAny();
        var schedule = providerReceivedOn == null ? new DeadlineDates.Schedule(null, null, null)
                : schedule(request, providerReceivedOn, request.paymentReceivedOn());
        repository.markSent(requestId, channel, sentOn, providerReceivedOn, schedule.legalDueOn(), schedule.targetOn());
    }

    DeadlineDates.Schedule schedule(RecordRequest request, LocalDate receivedOn, LocalDate paidOn) {
        CaseFile caseFile = cases.get(request.caseId());
        return dates.schedule(request.deadlineRule(), request.holderState() != null ? request.holderState() : caseFile.stateCode(),
                receivedOn, paidOn, caseFile.subpoenaReturnDate());
    }

    @Transactional
    void recordPayment(long requestId, LocalDate paidOn, DeadlineDates.Schedule schedule) {
        repository.recordPayment(requestId, paidOn, schedule.legalDueOn(), schedule.targetOn());
    }

    /** Requests must not be sent or chased while the case's authorization is expired. */
    @Transactional
    public int pauseOpenRequests(long caseId) {
        return repository.pauseOpen(caseId);
    }

    @Transactional
    public int resumePausedRequests(long caseId) {
        return repository.resumePaused(caseId);
    }

    @Transactional
    void recordExtension(long requestId, LocalDate noticeOn, LocalDate newDueOn, LocalDate newTargetOn, String reason) {
        repository.recordExtension(requestId, noticeOn, newDueOn, newTargetOn, reason);
    }

    LocalDate escalatedOn(long requestId) {
        return repository.escalatedOn(requestId);
    }

    @Transactional
    void markEscalated(long requestId, LocalDate on) {
        repository.markEscalated(requestId, on);
    }

    @Transactional
    void reroute(long requestId, String department) {
        repository.markResent(requestId, department);
    }

    @Transactional
    void close(long requestId, RequestStatus status, String reason) {
        repository.close(requestId, status, reason);
    }

    @Transactional
    long openSupplemental(long requestId, String missing) {
        return repository.insertSupplemental(get(requestId), missing);
    }

    @Transactional
    public void countFollowUp(long requestId) {
        repository.countFollowUp(requestId);
    }

    public int followUpsSent(long requestId) {
        return repository.followUpsSent(requestId);
    }

    public boolean isPaused(long requestId) {
        return repository.isPaused(requestId);
    }

    @Transactional
    public void recordProduction(long requestId, ProductionOutcome outcome, LocalDate producedOn) {
        RecordRequest request = get(requestId);
        var problems = new Problems();
        problems.require(request.status() == RequestStatus.SENT,
                "Request " + requestId + " is not waiting for a production (status " + request.status() + ")");
        problems.require(outcome != null, "Outcome is required (complete, partial or none)");
        if (producedOn == null) {
            problems.add("Date received is required");
        } else {
            problems.require(!producedOn.isAfter(LocalDate.now(clock)), "Date received " + producedOn + " is in the future");
            problems.require(request.sentOn() == null || !producedOn.isBefore(request.sentOn()),
                    "Date received " + producedOn + " is before the request was sent (" + request.sentOn() + ")");
        }
        problems.throwIfAny();
        repository.markProduced(requestId, outcome, producedOn);
    }
}
