package org.recordflow.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Intake start-form values for tests, as Tasklist submits them. */
public final class IntakeForms {

    public static final Map<String, Object> SIGNED_BY_CLIENT = Map.of(
            "signerRole", "CLIENT", "signerName", "Maria Lopez", "signedOn", "2026-11-02", "expiresOn", "2027-11-02");

    private IntakeForms() {
    }

    public static Map<String, Object> holder(String name, String type, String channel, String contact, String... recordTypes) {
        Map<String, Object> holder = new HashMap<>(Map.of("name", name, "holderType", type, "channel", channel,
                "recordTypes", List.of(recordTypes.length == 0 ? new String[] {"MEDICAL_RECORDS"} : recordTypes)));
        holder.put(switch (channel) {
            case "EMAIL" -> "email";
            case "FAX" -> "fax";
            default -> "address";
        }, contact);
        return holder;
    }

    /** A personal-injury case in {@code state} with the given holders and start-form overrides. */
    public static Map<String, Object> intake(String state, List<Map<String, Object>> holders, Object... overrides) {
        Map<String, Object> form = new HashMap<>(Map.of(
                "clientName", "Maria Lopez",
                "clientDateOfBirth", "1984-02-29",
                "incidentDate", "2026-01-15",
                "caseType", "PERSONAL_INJURY",
                "state", state,
                "paralegalGroup", "paralegals",
                "legalBasis", "AUTHORIZATION",
                "recordHolders", holders));
        for (int i = 0; i < overrides.length; i += 2) {
            form.put((String) overrides[i], overrides[i + 1]);
        }
        return form;
    }
}
