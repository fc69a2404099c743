package org.recordflow.platform;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a user or an integration supplied that Recordflow refuses, with every problem found.
 * Extends Camunda's {@link BadUserRequestException} so that Tasklist shows the message on the form
 * and the engine REST API answers 400 instead of 500; the surrounding transaction rolls back, so
 * nothing is half-written.
 */
public class InvalidInputException extends BadUserRequestException {

    private final List<String> problems;

    public InvalidInputException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
