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
