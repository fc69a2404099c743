package org.recordflow.platform;

/** One broken reference in a process model: the file, the element and what is wrong. */
public record LintFinding(String file, String elementId, String problem) {

    @Override
    public String toString() {
        return file + (elementId == null ? "" : " [" + elementId + "]") + ": " + problem;
    }
}
