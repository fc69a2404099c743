package org.recordflow.platform;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Camunda's REST API, with refused input answered as 400 and no internals in a 500. */
@Component
class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(RestExceptionMapper.class);
        register(EngineExceptionMapper.class);
        register(AnyExceptionMapper.class);
    }

    /**
     * How the engine REST API answers an exception. Camunda answers many refusals of input with a 500
     * and puts any exception's message in the answer, SQL and submitted values included. Here:
     * <ul>
     * <li>input we refused ({@link InvalidInputException}, wherever in the causes): 400 with every problem;</li>
     * <li>engine refusals that are the caller's doing ({@link #REFUSED_INPUT}): 400 with the engine's message;</li>
     * <li>a 500 caused by anything but Camunda's own exceptions (a database error, a bug of ours): a
     *     neutral message; the exception is logged, as Camunda logs every 500;</li>
     * <li>everything else: Camunda's own answer.</li>
     * </ul>
     */
    static final class EngineRestErrors {

        /** Engine messages that refuse what the caller sent rather than report a failure of the server. */
        static final List<String> REFUSED_INPUT = List.of(
                "ENGINE-17007", // a Java-serialized variable, while Java serialization is off
                "ENGINE-13043"); // /condition: no conditional start event matches (or none was given)

        private EngineRestErrors() {
        }

        static Response answer(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    return json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidInputException",
                            "message", invalid.getMessage(), "problems", invalid.problems()));
                }
                if (cause instanceof ProcessEngineException engine && refusesInput(engine)) {
                    return json(Response.Status.BAD_REQUEST, Map.of("type", "InvalidRequestException",
                            "message", engine.getMessage()));
                }
            }
            Response camunda = ExceptionHandlerHelper.getInstance().getResponse(exception);
            if (camunda.getStatus() >= 500 && !onlyCamundaExceptions(exception)) {
                return json(Response.Status.INTERNAL_SERVER_ERROR,
                        Map.of("type", "ServerError", "message", ErrorPages.SERVER_ERROR_MESSAGE));
            }
            return camunda;
        }

        private static boolean refusesInput(ProcessEngineException exception) {
            String message = exception.getMessage();
            return message != null && REFUSED_INPUT.stream().anyMatch(message::startsWith);
        }

        /** True when every exception in the chain is Camunda's, whose messages carry no SQL or stack. */
        private static boolean onlyCamundaExceptions(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (!cause.getClass().getName().startsWith("org.camunda.")) {
                    return false;
                }
            }
            return true;
        }

        private static Response json(Response.Status status, Map<String, Object> body) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
    }

    /** The REST layer's own exceptions (it wraps the engine's in them when starting a process or completing a task). */
    @Priority(Priorities.USER - 100)
    static class RestExceptionMapper implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return EngineRestErrors.answer(exception);
        }
    }

    /** The engine's exceptions, thrown through the REST layer unwrapped. */
    @Priority(Priorities.USER - 100)
    static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return EngineRestErrors.answer(exception);
        }
    }

    /** Anything else: an exception of a delegate or service of ours, or of the database. */
    @Priority(Priorities.USER - 100)
    static class AnyExceptionMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return EngineRestErrors.answer(exception);
        }
    }
}
