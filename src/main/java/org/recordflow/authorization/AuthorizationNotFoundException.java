package org.recordflow.authorization;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class AuthorizationNotFoundException extends RuntimeException {

    public AuthorizationNotFoundException(long authorizationId) {
        super("No authorization with id " + authorizationId);
    }
}
