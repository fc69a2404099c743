package org.recordflow.platform;

import java.util.ArrayList;
import java.util.List;

/** Collects validation problems so the user sees all of them at once, not one per attempt. */
public final class Problems {

    private final List<String> problems = new ArrayList<>();

    public Problems require(boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
        return this;
    }

    /**
     * Requires a text to fit the column it is stored in; otherwise adds "{@code <field> is longer
     * than <max> characters}". Returns whether it fits, so that checks of its form can be skipped.
     */
    public boolean requireAtMost(String value, int maxLength, String field) {
        boolean fits = value == null || value.length() <= maxLength;
        require(fits, field + " is longer than " + maxLength + " characters");
        return fits;
    }

    public Problems add(String problem) {
        problems.add(problem);
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
