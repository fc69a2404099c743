package org.recordflow.authorization;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** Stops a request from going out on a defective authorization, telling the paralegal why. */
@Component("checkAuthorization")
class CheckAuthorizationDelegate implements JavaDelegate {

    static final String ERROR_CODE = "AUTHORIZATION_DEFECTIVE";

    private final HipaaAuthorizationService authorizations;

    CheckAuthorizationDelegate(HipaaAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            authorizations.requireUsable(ProcessVariables.id(execution, CaseVariables.CASE_ID));
            execution.removeVariable("authorizationDefects");
        } catch (AuthorizationDefectiveException defective) {
            execution.setVariable("authorizationDefects", String.join("\n", defective.problems()));
            throw new BpmnError(ERROR_CODE, defective.getMessage());
        }
    }
}
