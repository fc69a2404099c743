package org.recordflow.retrieval;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordRequestNotFoundException extends RuntimeException {

    public RecordRequestNotFoundException(long requestId) {
        super("No record request with id " + requestId);
    }
}
