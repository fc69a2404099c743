package org.recordflow.authorization;

public enum SignedBy {
    CLIENT,
    REPRESENTATIVE
}
