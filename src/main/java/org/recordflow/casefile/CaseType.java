package org.recordflow.casefile;

public enum CaseType {
    PERSONAL_INJURY("Personal injury"),
    MEDICAL_MALPRACTICE("Medical malpractice");

    private final String label;

    CaseType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
