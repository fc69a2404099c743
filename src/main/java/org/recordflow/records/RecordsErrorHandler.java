package org.recordflow.records;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A stored packet that no longer matches its hash: 409 (refused input is handled by platform.ApiErrorHandler). */
@RestControllerAdvice(assignableTypes = PacketController.class)
class RecordsErrorHandler {

    @ExceptionHandler(DocumentIntegrityException.class)
    ResponseEntity<Map<String, Object>> integrity(DocumentIntegrityException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of(
                "status", 409, "type", "DocumentIntegrity", "message", e.getMessage()));
    }
}
