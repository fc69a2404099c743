package org.recordflow.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs jobs by hand in Spring tests, where the job executor is off. */
public final class Jobs {

    private Jobs() {
    }

    /** Executes the jobs of a process instance that are due at the engine's current time, earliest first. */
    public static int runDue(ManagementService management, String processInstanceId) {
        int executed = 0;
        List<Job> due;
        while (!(due = management.createJobQuery().processInstanceId(processInstanceId).executable()
                .orderByJobDuedate().asc().list()).isEmpty()) {
            management.executeJob(due.get(0).getId());
            executed++;
        }
        return executed;
    }
}
