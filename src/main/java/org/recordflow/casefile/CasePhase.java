package org.recordflow.casefile;

/** Where a case stands in its lifecycle; each phase is one BPMN process called by case-lifecycle. */
public enum CasePhase {
    INTAKE,
    AUTHORIZATION,
    RETRIEVAL,
    INDEXING,
    CLINICAL_REVIEW,
    DEMAND_SUPPORT,
    DEMAND_READY
}
