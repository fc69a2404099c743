package org.recordflow.retrieval;

/** How a deadline's days are counted. */
public enum DayCount {
    CALENDAR,
    /** Monday to Friday, skipping the holidays of the holder's state (retrieval/holidays.json). */
    BUSINESS,
    /** A subpoena's or court order's return date governs. */
    RETURN_DATE
}
