package org.recordflow.authorization;

/** Psychotherapy notes and 42 CFR Part 2 records always need their own authorization. */
public enum AuthorizationScope {
    GENERAL,
    PSYCHOTHERAPY_NOTES,
    SUBSTANCE_USE_DISORDER
}
