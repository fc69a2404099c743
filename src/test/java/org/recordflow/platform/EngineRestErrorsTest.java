package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.recordflow.platform.EngineRestConfiguration.EngineRestErrors;
import org.springframework.dao.DataIntegrityViolationException;

import jakarta.ws.rs.core.Response;

/** How the engine REST API answers exceptions: refused input as 400, no internals in a 500. */
class EngineRestErrorsTest {

    @Test
    void inputWeRefusedIsA400WithEveryProblem() {
        Response response = EngineRestErrors.answer(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new InvalidInputException(List.of("Client name is required", "State 'XX' is not a US state code")),
                "Cannot instantiate process definition"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response)).containsEntry("problems",
                List.of("Client name is required", "State 'XX' is not a US state code"));
    }

    @Test
    void aJavaSerializedVariableIsRefusedInput() {
        Response response = EngineRestErrors.answer(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("ENGINE-17007 Cannot set variable with name payload. Java serialization format is prohibited"),
                "Cannot instantiate process definition"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(body(response).get("message").toString()).contains("payload");
    }

    @Test
    void aDatabaseErrorIsA500WithoutSqlOrValues() {
        Response response = EngineRestErrors.answer(new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [insert into record_holder (address) values (?)]; Value too long: '1 Main St'"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response)).containsEntry("message", ErrorPages.SERVER_ERROR_MESSAGE);
        assertThat(body(response).toString()).doesNotContain("SQL").doesNotContain("1 Main St");
    }

    @Test
    void aDatabaseErrorInsideAnEngineExceptionIsA500WithoutSql() {
        Response response = EngineRestErrors.answer(new ProcessEngineException(
                "ENGINE-03004 Exception while executing Database Operation 'INSERT VariableInstanceEntity'",
                new java.sql.SQLException("Value too long for column TEXT_")));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(body(response).toString()).doesNotContain("INSERT").doesNotContain("TEXT_");
    }

    @Test
    void camundasOwnAnswersAreKept() {
        assertThat(EngineRestErrors.answer(new AuthorizationException("paula", "READ", "ProcessInstance", "42")).getStatus())
                .isEqualTo(403);
        Response engineFailure = EngineRestErrors.answer(new ProcessEngineException("ENGINE-13005 Process definition is suspended"));
        assertThat(engineFailure.getStatus()).isEqualTo(500);
        assertThat(((ExceptionDto) engineFailure.getEntity()).getMessage()).isEqualTo("ENGINE-13005 Process definition is suspended");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Response response) {
        return (Map<String, Object>) response.getEntity();
    }
}
