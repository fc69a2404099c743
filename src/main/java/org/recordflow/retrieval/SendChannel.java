package org.recordflow.retrieval;

public enum SendChannel {
    EMAIL, FAX, MAIL, PORTAL
}
