package org.recordflow.platform;

import java.util.List;

/**
 * Settings Recordflow refuses to start with, every one of them listed so that an operator fixes all
 * at once; {@link RefusedSettingsFailureAnalyzer} reports them without a stack trace.
 */
public class RefusedSettingsException extends IllegalStateException {

    private final List<String> problems;

    public RefusedSettingsException(String profile, List<String> problems) {
        super("Refusing to start with the " + profile + " profile:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
