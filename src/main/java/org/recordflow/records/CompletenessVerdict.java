package org.recordflow.records;

/** What a record holder produced against what it should have: everything, some of it, or nothing. */
public enum CompletenessVerdict {
    COMPLETE, PARTIAL, NONE
}
