package org.recordflow.casefile;

/** Process variables every phase of a case carries. */
public final class CaseVariables {

    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String CLIENT_NAME = "clientName";
    public static final String PARALEGAL_GROUP = "paralegalGroup";

    private CaseVariables() {
    }
}
