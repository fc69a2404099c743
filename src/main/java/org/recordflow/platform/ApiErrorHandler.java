package org.recordflow.platform;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Input our API refuses: 400 with every problem, in the shape the engine REST API uses. */
@RestControllerAdvice
class ApiErrorHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                "status", 400, "type", "InvalidInput", "message", e.getMessage(), "problems", e.problems()));
    }
}
