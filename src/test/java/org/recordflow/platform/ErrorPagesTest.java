package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import jakarta.servlet.RequestDispatcher;

class ErrorPagesTest {

    final ErrorPages.ServerErrorsWithoutInternals attributes = new ErrorPages.ServerErrorsWithoutInternals();

    @Test
    void aServerErrorShowsNeitherSqlNorTheValuesInIt() {
        Map<String, Object> shown = attributesOf(500, new DataIntegrityViolationException(
                "PreparedStatementCallback; SQL [insert into client (full_name) values (?)]; Value too long: 'Maria Lopez'"));

        assertThat(shown).containsEntry("status", 500).containsEntry("message", ErrorPages.SERVER_ERROR_MESSAGE);
        assertThat(shown.toString()).doesNotContain("SQL").doesNotContain("Maria Lopez").doesNotContain("Exception");
    }

    @Test
    void aClientErrorKeepsItsMessage() {
        Map<String, Object> shown = attributesOf(400, new IllegalArgumentException("Channel 'PIGEON' is not one of FAX, MAIL"));

        assertThat(shown).containsEntry("status", 400).containsEntry("message", "Channel 'PIGEON' is not one of FAX, MAIL");
    }

    Map<String, Object> attributesOf(int status, Exception exception) {
        var request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, exception);
        return attributes.getErrorAttributes(new ServletWebRequest(request),
                ErrorAttributeOptions.defaults().including(ErrorAttributeOptions.Include.MESSAGE));
    }
}
