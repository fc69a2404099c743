package org.recordflow.retrieval;

/** How a deadline's days are counted. */
public enum DayCount {
    CALENDAR,
    /** Monday to Friday; public holidays are not skipped (a conservative, earlier due date). */
    BUSINESS,
    /** A subpoena's or court order's return date governs. */
    RETURN_DATE
}
