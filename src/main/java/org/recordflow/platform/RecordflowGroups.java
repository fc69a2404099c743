package org.recordflow.platform;

import java.util.List;

/** The roles of a firm, as Camunda groups. */
public final class RecordflowGroups {

    public static final String PARALEGALS = "paralegals";
    public static final String SUPERVISORS = "supervisors";
    public static final String ATTORNEYS = "attorneys";
    public static final String REVIEWERS = "reviewers";
    public static final String ADMINS = "admins";
    /** The group of the user Prometheus scrapes the metrics with, created with that user when configured (oversight). */
    public static final String MONITORING = "monitoring";

    record GroupDefinition(String id, String name, String type) {
    }

    static final List<GroupDefinition> ALL = List.of(
            new GroupDefinition(PARALEGALS, "Paralegals", "WORKFLOW"),
            new GroupDefinition(SUPERVISORS, "Supervisors", "WORKFLOW"),
            new GroupDefinition(ATTORNEYS, "Attorneys", "WORKFLOW"),
            new GroupDefinition(REVIEWERS, "Clinical reviewers", "WORKFLOW"),
            new GroupDefinition(ADMINS, "Administrators", "SYSTEM"));

    private RecordflowGroups() {
    }
}
