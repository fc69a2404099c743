package org.recordflow.platform;

import java.util.Map;

import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Camunda's REST API, with our input errors answered as 400 rather than 500. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(InvalidInputMapper.class);
    }

    /**
     * The engine REST API wraps an exception thrown while starting a process or completing a task in
     * a 500; when the cause is input we refused, the caller gets a 400 with every problem listed.
     */
    @Priority(Priorities.USER - 100)
    static class InvalidInputMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler camundaDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    return Response.status(Response.Status.BAD_REQUEST)
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "InvalidInputException", "message", invalid.getMessage(),
                                    "problems", invalid.problems()))
                            .build();
                }
            }
            return camundaDefault.toResponse(exception);
        }
    }
}
