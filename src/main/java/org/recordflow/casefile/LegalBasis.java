package org.recordflow.casefile;

/** Why the provider must (or may) release: the basis decides the deadline and the fee rules. */
public enum LegalBasis {
    /** 45 CFR 164.524: 30 calendar days, one written extension of up to 30 days. */
    PATIENT_ACCESS,
    /** 164.524(c)(3)(ii): the patient directs an electronic copy to a third party. */
    PATIENT_DIRECTED_ELECTRONIC,
    /** 164.508: a permitted disclosure; state law or provider policy sets the terms. */
    AUTHORIZATION,
    /** A subpoena or court order; its return date governs. */
    SUBPOENA
}
