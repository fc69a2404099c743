package org.recordflow.records;

/** A stored document is missing or no longer matches the hash it was stored under. */
public class DocumentIntegrityException extends RuntimeException {

    public DocumentIntegrityException(String message) {
        super(message);
    }
}
