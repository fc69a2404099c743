package org.recordflow.casefile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.recordflow.platform.Enums;
import org.recordflow.platform.Problems;
import org.recordflow.platform.ProcessVariables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables of the intake start form ({@code forms/case-intake.form}) and how they become a
 * {@link CaseOpening}. Tasklist submits the holder list as a Json variable; integrations may send a
 * JSON string or a list of maps.
 */
final class CaseOpeningVariables {

    static final String CLIENT_NAME = "clientName";
    static final String CLIENT_DATE_OF_BIRTH = "clientDateOfBirth";
    static final String INCIDENT_DATE = "incidentDate";
    static final String CASE_TYPE = "caseType";
    static final String STATE = "state";
    static final String PARALEGAL_GROUP = "paralegalGroup";
    static final String LEGAL_BASIS = "legalBasis";
    static final String SUBPOENA_RETURN_DATE = "subpoenaReturnDate";
    static final String RECORDS_FROM = "recordsFrom";
    static final String PSYCHOTHERAPY_NOTES = "psychotherapyNotes";
    static final String SUBSTANCE_USE_RECORDS = "substanceUseRecords";
    static final String RECORD_HOLDERS = "recordHolders";
    static final String ACTION_FILED = "actionFiled";
    static final String DEFENDANT_APPEARED = "defendantAppeared";
    static final String SUBPOENA_ASSURANCE = "subpoenaAssurance";

    private static final String RECORD_HOLDERS_SHAPE =
            "Record holders must be a list of {name, holderType, channel, recordTypes, department, email, fax, address} "
            + "(JSON, variable " + RECORD_HOLDERS + ")";

    private CaseOpeningVariables() {
    }

    static CaseOpening read(VariableScope scope, ObjectMapper json) {
        var problems = new Problems();
        var opening = new CaseOpening(
                ProcessVariables.text(scope, CLIENT_NAME),
                ProcessVariables.date(scope, CLIENT_DATE_OF_BIRTH, "Client date of birth", problems),
                ProcessVariables.date(scope, INCIDENT_DATE, "Incident date", problems),
                Enums.parse(CaseType.class, ProcessVariables.text(scope, CASE_TYPE), "Case type", problems),
                upper(ProcessVariables.text(scope, STATE)),
                ProcessVariables.text(scope, PARALEGAL_GROUP),
                Enums.parse(LegalBasis.class, ProcessVariables.text(scope, LEGAL_BASIS), "Legal basis", problems),
                ProcessVariables.date(scope, SUBPOENA_RETURN_DATE, "Subpoena return date", problems),
                ProcessVariables.date(scope, RECORDS_FROM, "Records from", problems),
                ProcessVariables.flag(scope, PSYCHOTHERAPY_NOTES),
                ProcessVariables.flag(scope, SUBSTANCE_USE_RECORDS),
                holders(ProcessVariables.undeserialized(scope, RECORD_HOLDERS), json, problems),
                ProcessVariables.flag(scope, ACTION_FILED),
                ProcessVariables.flag(scope, DEFENDANT_APPEARED),
                Enums.parse(SubpoenaAssurance.class, ProcessVariables.text(scope, SUBPOENA_ASSURANCE),
                        "Subpoena assurance", problems));
        problems.throwIfAny();
        return opening;
    }

    private static List<CaseOpening.HolderEntry> holders(Object value, ObjectMapper json, Problems problems) {
        List<CaseOpening.HolderEntry> holders = new ArrayList<>();
        int row = 1;
        for (Object entry : rows(value, json, problems)) {
            String label = "Record holder " + row++;
            if (!(entry instanceof Map<?, ?> fields)) {
                problems.add(label + " must be an object {name, holderType, channel, recordTypes, ...}, not "
                        + (entry == null ? "null" : "a " + jsonType(entry)));
                continue;
            }
            holders.add(new CaseOpening.HolderEntry(
                    text(fields.get("name")),
                    Enums.parse(HolderType.class, text(fields.get("holderType")), label + " type", problems),
                    Enums.parse(ReleaseRoute.class, text(fields.get("releasedVia")), label + " release route", problems),
                    Enums.parse(SendChannel.class, text(fields.get("channel")), label + " channel", problems),
                    recordTypes(fields.get("recordTypes"), label, problems),
                    text(fields.get("department")),
                    text(fields.get("email")),
                    text(fields.get("fax")),
                    text(fields.get("address")),
                    upper(text(fields.get("state")))));
        }
        return holders;
    }

    /**
     * The holder list's rows as parsed JSON values. The variable is read without deserializing it
     * (see {@link ProcessVariables#undeserialized}): a Json or Object variable arrives as its JSON
     * text and is parsed here, so that malformed JSON is a problem to report, not an engine error.
     */
    private static List<?> rows(Object value, ObjectMapper json, Problems problems) {
        if (value == null || value instanceof CharSequence text && text.toString().isBlank()) {
            return List.of();
        }
        try {
            Object parsed = value instanceof CharSequence || value instanceof SpinJsonNode
                    ? json.readValue(value.toString(), Object.class) : value;
            if (parsed instanceof List<?> rows) {
                return rows;
            }
            problems.add(RECORD_HOLDERS_SHAPE + ", not " + (parsed == null ? "null" : "a " + jsonType(parsed)));
        } catch (JsonProcessingException e) {
            problems.add(RECORD_HOLDERS_SHAPE + "; the value is not valid JSON");
        }
        return List.of();
    }

    private static String jsonType(Object value) {
        return value instanceof Map<?, ?> ? "JSON object" : value instanceof Collection<?> ? "list"
                : value instanceof Number ? "number" : value instanceof Boolean ? "true/false value" : "text";
    }

    private static Set<RecordType> recordTypes(Object value, String label, Problems problems) {
        Collection<?> values = value instanceof Collection<?> list ? list
                : value == null ? List.of() : List.of(value.toString().split(","));
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (Object type : values) {
            RecordType parsed = Enums.parse(RecordType.class, text(type), label + " record type", problems);
            if (parsed != null) {
                types.add(parsed);
            }
        }
        return types;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }
}
