package org.recordflow.authorization;

public enum SignerRole {
    CLIENT,
    /** A personal representative; 164.508(c)(1)(vi) requires a description of their authority. */
    REPRESENTATIVE
}
