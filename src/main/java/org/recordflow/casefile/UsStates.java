package org.recordflow.casefile;

import java.util.Set;

/** Two-letter codes of the US states, DC and the territories whose courts firms file in. */
final class UsStates {

    private static final Set<String> CODES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
            "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
            "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
            "VA", "WA", "WV", "WI", "WY", "DC", "PR", "GU", "VI");

    private UsStates() {
    }

    static boolean isValid(String code) {
        return code != null && CODES.contains(code);
    }
}
