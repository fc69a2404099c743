package org.recordflow.retrieval;

/** A generated letter or report, immutable once stored; its hash goes into the log. */
public record StoredDocument(long id, String kind, String fileName, String sha256, long sizeBytes) {
}
