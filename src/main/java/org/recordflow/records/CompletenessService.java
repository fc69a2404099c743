package org.recordflow.records;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.recordflow.casefile.CaseFileService;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.platform.Enums;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.Problems;
import org.recordflow.retrieval.RecordRequest;
import org.recordflow.retrieval.RecordRequestService;
import org.recordflow.casefile.RecordType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The completeness verdict of each record request: what arrived, against the categories its holder
 * should produce ({@code expected-records.dmn}) and the dates of service its bills show.
 */
@Service
public class CompletenessService {

    static final int MIN_REASON_LENGTH = 10;

    private final JdbcClient jdbc;
    private final PacketRepository packets;
    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final ExpectedRecords expectedRecords;
    private final Clock clock;

    CompletenessService(JdbcClient jdbc, PacketRepository packets, RecordRequestService requests,
                        CaseFileService cases, ExpectedRecords expectedRecords, Clock clock) {
        this.jdbc = jdbc;
        this.packets = packets;
        this.requests = requests;
        this.cases = cases;
        this.expectedRecords = expectedRecords;
        this.clock = clock;
    }

    public record Completeness(long requestId, CompletenessVerdict computedVerdict, List<String> expected,
                               List<String> missingCategories, List<LocalDate> missingDatesOfService,
                               OffsetDateTime computedAt, CompletenessVerdict overrideVerdict, String overrideReason,
                               String overriddenBy, OffsetDateTime overriddenAt) {

        /** The paralegal's verdict where there is one, else the computed one. */
        @JsonProperty("verdict")
        public CompletenessVerdict verdict() {
            return overrideVerdict != null ? overrideVerdict : computedVerdict;
        }
    }

    /** Recomputes the verdict of a request from everything received on it so far. */
    @Transactional
    public Completeness evaluate(long requestId) {
        RecordRequest request = requests.get(requestId);
        HolderType holderType = holderOf(request).holderType();
        List<String> expected = expectedRecords.categories(holderType, request.recordType());
        List<Encounter> received = packets.encountersOfRequest(requestId);

        Set<String> content = new LinkedHashSet<>();
        for (Encounter encounter : received) {
            if (!PageRules.CORRESPONDENCE.equals(encounter.category())) {
                content.add(encounter.category());
            }
        }
        List<String> missing = expected.stream().filter(category -> !content.contains(category)).toList();
        List<LocalDate> missingDates = new ArrayList<>();
        if (request.recordType() == RecordType.MEDICAL_RECORDS && !content.isEmpty()) {
            Set<LocalDate> clinical = new LinkedHashSet<>(packets.clinicalDatesOfHolder(request.holderId()));
            packets.billedDatesOfHolder(request.holderId()).stream().filter(d -> !clinical.contains(d))
                    .forEach(missingDates::add);
        }
        CompletenessVerdict verdict = content.isEmpty() ? CompletenessVerdict.NONE
                : missing.isEmpty() && missingDates.isEmpty() ? CompletenessVerdict.COMPLETE
                : CompletenessVerdict.PARTIAL;

        OffsetDateTime now = OffsetDateTime.now(clock);
        String expectedText = String.join(",", expected);
        String missingText = String.join(",", missing);
        String datesText = String.join(",", missingDates.stream().map(LocalDate::toString).toList());
        int updated = jdbc.sql("""
                update completeness set verdict = ?, expected = ?, missing_categories = ?, missing_dates = ?, computed_at = ?
                where request_id = ?
                """).params(verdict.name(), expectedText, missingText, datesText, now, requestId).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into completeness (request_id, case_id, verdict, expected, missing_categories, missing_dates, computed_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """).params(requestId, request.caseId(), verdict.name(), expectedText, missingText, datesText, now)
                    .update();
        }
        return get(requestId);
    }

    /** The paralegal's own verdict, for example where a billed date was an order, not a visit. */
    @Transactional
    public Completeness override(long requestId, String verdictText, String reason, String user) {
        RecordRequest request = requests.get(requestId);
        var problems = new Problems();
        CompletenessVerdict verdict = Enums.parse(CompletenessVerdict.class, verdictText,
                "Verdict", problems);
        problems.require(verdictText != null && !verdictText.isBlank(), "Verdict is required (COMPLETE, PARTIAL or NONE)");
        problems.require(reason != null && reason.strip().length() >= MIN_REASON_LENGTH,
                "A reason of at least " + MIN_REASON_LENGTH + " characters is required to override the verdict");
        problems.require(reason == null || reason.length() <= 2000, "The reason is longer than 2000 characters");
        Completeness current = find(requestId).orElse(null);
        problems.require(current != null, "Request " + requestId + " has no verdict yet: no packet was received on it");
        problems.throwIfAny();
        jdbc.sql("""
                update completeness set override_verdict = ?, override_reason = ?, overridden_by = ?, overridden_at = ?
                where request_id = ?
                """).params(verdict.name(), reason.strip(), user, OffsetDateTime.now(clock), requestId).update();
        packets.logEvent(request.caseId(), requestId, null, "VERDICT_OVERRIDDEN",
                current.verdict() + " -> " + verdict + ": " + reason.strip(), user);
        return get(requestId);
    }

    public Completeness get(long requestId) {
        return find(requestId).orElseThrow(() -> new InvalidInputException(
                "Request " + requestId + " has no verdict yet: no packet was received on it"));
    }

    public Optional<Completeness> find(long requestId) {
        return jdbc.sql("""
                select request_id, verdict, expected, missing_categories, missing_dates, computed_at, override_verdict,
                       override_reason, overridden_by, overridden_at
                from completeness where request_id = ?
                """).param(requestId)
                .query((rs, n) -> new Completeness(rs.getLong(1), CompletenessVerdict.valueOf(rs.getString(2)),
                        split(rs.getString(3)), split(rs.getString(4)),
                        split(rs.getString(5)).stream().map(LocalDate::parse).toList(),
                        rs.getObject(6, OffsetDateTime.class),
                        rs.getString(7) == null ? null : CompletenessVerdict.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class)))
                .optional();
    }

    RecordHolder holderOf(RecordRequest request) {
        return cases.holder(request.caseId(), request.holderId());
    }

    private static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split(","));
    }
}
