package org.recordflow.casefile;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A process tried to move or run a phase of a case out of order, or for a case of another team:
 * refused as an authorization failure (engine REST answers 403), and the transaction rolls back.
 */
public class CasePhaseException extends AuthorizationException {

    public CasePhaseException(String message) {
        super(message);
    }
}
