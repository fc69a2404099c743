package org.recordflow.authorization;

public enum AuthorizationStatus {
    /** Generated, waiting for the client's signature. */
    DRAFT,
    ACTIVE,
    EXPIRED,
    REVOKED,
    /** Replaced by a renewed authorization. */
    SUPERSEDED
}
