package org.recordflow.platform;

import java.util.List;
import java.util.stream.Collectors;

public class ProcessModelLintException extends RuntimeException {

    private final List<LintFinding> findings;

    public ProcessModelLintException(List<LintFinding> findings) {
        super("The process models have " + findings.size() + " broken reference(s); nothing was deployed:\n"
                + findings.stream().map(f -> "  - " + f).collect(Collectors.joining("\n")));
        this.findings = List.copyOf(findings);
    }

    public List<LintFinding> findings() {
        return findings;
    }
}
