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
import com.fasterxml.jackson.core.type.TypeReference;
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

    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

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
                holders(scope.getVariable(RECORD_HOLDERS), json, problems),
                ProcessVariables.flag(scope, ACTION_FILED),
                ProcessVariables.flag(scope, DEFENDANT_APPEARED),
                Enums.parse(SubpoenaAssurance.class, ProcessVariables.text(scope, SUBPOENA_ASSURANCE),
                        "Subpoena assurance", problems));
        problems.throwIfAny();
        return opening;
    }

    private static List<CaseOpening.HolderEntry> holders(Object value, ObjectMapper json, Problems problems) {
        List<Map<String, Object>> rows = rows(value, json, problems);
        List<CaseOpening.HolderEntry> holders = new ArrayList<>();
        int row = 1;
        for (Map<String, Object> fields : rows) {
            String label = "Record holder " + row++;
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

    private static List<Map<String, Object>> rows(Object value, ObjectMapper json, Problems problems) {
        if (value == null) {
            return List.of();
        }
        try {
            if (value instanceof SpinJsonNode node) {
                return json.readValue(node.toString(), ROWS);
            }
            if (value instanceof CharSequence text) {
                return text.toString().isBlank() ? List.of() : json.readValue(text.toString(), ROWS);
            }
            return json.convertValue(value, ROWS);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            problems.add("Record holders must be a list of {name, holderType, department, email, fax, address, state}");
            return List.of();
        }
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
