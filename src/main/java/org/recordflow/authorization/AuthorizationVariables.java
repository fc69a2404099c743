package org.recordflow.authorization;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.recordflow.platform.Enums;
import org.recordflow.platform.Problems;
import org.recordflow.platform.ProcessVariables;

/** Variables of the authorization forms and processes. */
final class AuthorizationVariables {

    static final String AUTHORIZATION_NEEDED = "authorizationNeeded";
    static final String AUTHORIZATION_DOCUMENTS = "authorizationDocuments";
    static final String EXPIRES_ON = "authorizationExpiresOn";
    static final String RENEWAL_DUE_AT = "renewalDueAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String WATCH_MESSAGE = "AuthorizationRecorded";

    private AuthorizationVariables() {
    }

    /** The signature fields of the collect and renew forms. */
    static Signature signature(DelegateExecution execution) {
        var problems = new Problems();
        var signature = new Signature(
                Enums.parse(SignerRole.class, ProcessVariables.text(execution, "signerRole"), "Signed by", problems),
                ProcessVariables.text(execution, "signerName"),
                ProcessVariables.text(execution, "representativeAuthority"),
                ProcessVariables.date(execution, "signedOn", "Signature date", problems),
                ProcessVariables.date(execution, "expiresOn", "Expiration date", problems));
        problems.throwIfAny();
        return signature;
    }
}
