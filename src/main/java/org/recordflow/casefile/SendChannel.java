package org.recordflow.casefile;

/** How a request reaches a record holder; each needs its own address. */
public enum SendChannel {
    EMAIL, FAX, MAIL, PORTAL
}
