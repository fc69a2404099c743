package org.recordflow.authorization;

import java.util.List;

import org.recordflow.platform.InvalidInputException;

/** Requests must not go out on this case's authorizations: each defect is named. */
public class AuthorizationDefectiveException extends InvalidInputException {

    public AuthorizationDefectiveException(List<String> defects) {
        super(defects);
    }
}
