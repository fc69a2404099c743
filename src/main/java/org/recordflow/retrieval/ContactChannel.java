package org.recordflow.retrieval;

/** How a contact with a provider happened, in either direction. */
public enum ContactChannel {
    EMAIL, FAX, MAIL, PORTAL, PHONE, IN_PERSON
}
