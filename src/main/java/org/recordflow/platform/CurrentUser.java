package org.recordflow.platform;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

public final class CurrentUser {

    private CurrentUser() {
    }

    /** The user whose Tasklist or REST call is driving this execution; null for the job executor. */
    public static String of(DelegateExecution execution) {
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return user == null ? null : user.getUserId();
    }
}
