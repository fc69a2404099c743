package org.recordflow.authorization;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.Enums;
import org.recordflow.platform.Problems;
import org.recordflow.platform.ProcessVariables;
import org.recordflow.platform.CurrentUser;
import org.springframework.stereotype.Component;

@Component("recordSignedAuthorization")
class RecordSignedAuthorizationDelegate implements JavaDelegate {

    private final HipaaAuthorizationService authorizations;

    RecordSignedAuthorizationDelegate(HipaaAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var problems = new Problems();
        var signed = new HipaaAuthorizationService.SignedAuthorization(
                Enums.parse(SignedBy.class, ProcessVariables.text(execution, "signedBy"), "Signed by", problems),
                ProcessVariables.text(execution, "signerName"),
                ProcessVariables.text(execution, "representativeAuthority"),
                ProcessVariables.date(execution, "signedOn", "Signature date", problems),
                ProcessVariables.date(execution, "expiresOn", "Expiration date", problems));
        problems.throwIfAny();
        long id = authorizations.recordSigned(ProcessVariables.id(execution, CaseVariables.CASE_ID), signed,
                CurrentUser.of(execution));
        execution.setVariable("authorizationId", id);
        execution.setVariable("authorizationExpiresOn", signed.expiresOn().toString());
    }
}
