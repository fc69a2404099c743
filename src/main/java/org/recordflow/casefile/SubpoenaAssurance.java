package org.recordflow.casefile;

/**
 * What the firm holds that lets a covered entity answer a subpoena (45 CFR 164.512(e)): a court's
 * order, or for a subpoena a court did not sign, satisfactory assurance that the patient was
 * notified or that a qualified protective order was sought. A subpoena request goes out only with
 * one of them on file.
 */
public enum SubpoenaAssurance {
    /** 164.512(e)(1)(i): an order of a court or administrative tribunal. */
    COURT_ORDER("Court or tribunal order (45 CFR 164.512(e)(1)(i))"),
    /** 164.512(e)(1)(ii)(A), (iii): written statement and documents showing the patient was given notice and time to object. */
    NOTICE_TO_PATIENT("Satisfactory assurance of notice to the patient (45 CFR 164.512(e)(1)(ii)(A), (iii))"),
    /** 164.512(e)(1)(ii)(B), (iv)-(v): a qualified protective order, or a stipulation or motion for one. */
    QUALIFIED_PROTECTIVE_ORDER("Qualified protective order (45 CFR 164.512(e)(1)(ii)(B), (v))");

    private final String label;

    SubpoenaAssurance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
