package org.recordflow.casefile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An id not spelled as a plain decimal number; see {@link CaseAccessInterceptor}. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
class NonCanonicalIdException extends RuntimeException {

    NonCanonicalIdException(String message) {
        super(message);
    }
}
