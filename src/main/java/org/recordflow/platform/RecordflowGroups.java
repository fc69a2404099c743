package org.recordflow.platform;

import java.util.List;

/** The roles of a firm, as Camunda groups. */
public final class RecordflowGroups {

    public static final String PARALEGALS = "paralegals";
    public static final String SUPERVISORS = "supervisors";
    public static final String ATTORNEYS = "attorneys";
    public static final String REVIEWERS = "reviewers";
    public static final String ADMINS = "admins";
    /**
     * Camunda's own administrators group: Tasklist, Cockpit and Admin send every user to Camunda's
     * "create an admin" setup page while no user belongs to a group of exactly this id. Every member
     * of {@link #ADMINS} is also made a member of it.
     */
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /** The group of the user Prometheus scrapes the metrics with, created with that user when configured (oversight). */
    public static final String MONITORING = "monitoring";

    /**
     * The Camunda group type of a paralegal team. A case belongs to {@link #PARALEGALS} (the whole
     * firm's paralegals) or to a team: only its members see and work the case.
     */
    public static final String TEAM_TYPE = "TEAM";

    record GroupDefinition(String id, String name, String type) {
    }

    static final List<GroupDefinition> ALL = List.of(
            new GroupDefinition(PARALEGALS, "Paralegals", "WORKFLOW"),
            new GroupDefinition(SUPERVISORS, "Supervisors", "WORKFLOW"),
            new GroupDefinition(ATTORNEYS, "Attorneys", "WORKFLOW"),
            new GroupDefinition(REVIEWERS, "Clinical reviewers", "WORKFLOW"),
            new GroupDefinition(ADMINS, "Administrators", "SYSTEM"),
            new GroupDefinition(CAMUNDA_ADMIN, "Camunda administrators (members of admins)", "SYSTEM"));

    private RecordflowGroups() {
    }
}
