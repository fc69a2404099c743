package org.recordflow.casefile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A path variable of one of our handlers that no {@link CaseScopedId} knows: our defect, refused; see {@link CaseAccessInterceptor}. */
@ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
class CaseScopeUnknownException extends RuntimeException {

    CaseScopeUnknownException(String message) {
        super(message);
    }
}
