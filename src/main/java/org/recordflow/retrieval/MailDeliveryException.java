package org.recordflow.retrieval;

/** The mail server refused or could not be reached; the job retries and then raises an incident. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
