package org.recordflow.platform;

import java.io.IOException;
import java.util.Map;

import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.http.HttpServletResponse;

/** Input our API refuses: 400 with every problem, in the shape the engine REST API uses. */
@RestControllerAdvice
class ApiErrorHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                "status", 400, "type", "InvalidInput", "message", e.getMessage(), "problems", e.problems()));
    }

    /**
     * An upload the server could not parse, before any controller ran (Tomcat refuses a file name
     * with a NUL, for one): 400, or 413 when too large, answered as an error page for a browser and
     * as JSON for an integration. The message never repeats the name.
     */
    @ExceptionHandler(MultipartException.class)
    void unreadableUpload(MultipartException e, HttpServletResponse response) throws IOException {
        if (e instanceof MaxUploadSizeExceededException) {
            response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value(), "The upload is larger than the server accepts");
        } else if (NestedExceptionUtils.getMostSpecificCause(e) instanceof InvalidFileNameException) {
            response.sendError(HttpStatus.BAD_REQUEST.value(),
                    "The file name contains control characters; rename the file and upload it again");
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value(), "The upload is not a readable multipart form");
        }
    }
}
