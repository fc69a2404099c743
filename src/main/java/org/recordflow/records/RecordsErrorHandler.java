package org.recordflow.records;

import java.util.List;
import java.util.Map;

import org.recordflow.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused input on the records API: 400 with every problem, the way the engine REST API reports it. */
@RestControllerAdvice(assignableTypes = PacketController.class)
class RecordsErrorHandler {

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of(
                "status", 400, "type", "InvalidInput", "message", e.getMessage(), "problems", List.copyOf(e.problems())));
    }

    @ExceptionHandler(DocumentIntegrityException.class)
    ResponseEntity<Map<String, Object>> integrity(DocumentIntegrityException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                "status", 409, "type", "DocumentIntegrity", "message", e.getMessage()));
    }
}
