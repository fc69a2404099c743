package org.recordflow.support;

import java.util.Map;

import org.recordflow.casefile.CaseLifecycleProcess;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;

/** Walks a case through its first phases over the REST API, as paula would in Tasklist. */
public final class CaseDriver {

    private final RecordflowApiClient api;

    public CaseDriver(RecordflowApiClient api) {
        this.api = api;
    }

    /** Submits the intake start form; returns the case reference (the business key). */
    public String open(Map<String, Object> intake) {
        var response = api.submitStartForm(CaseLifecycleProcess.KEY, intake);
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError("Opening the case failed: " + response.getStatusCode() + " " + response.getBody());
        }
        return (String) response.getBody().get("businessKey");
    }

    public void confirmHolders(String reference) {
        api.completeOnlyTask(Phases.CONFIRM_RECORD_HOLDERS, reference, Map.of("holdersConfirmed", true));
    }

    public void signAuthorization(String reference) {
        api.completeOnlyTask(Phases.COLLECT_SIGNED_AUTHORIZATION, reference, IntakeForms.SIGNED_BY_CLIENT);
    }
}
