package org.recordflow.platform;

import java.io.IOException;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What Spring Boot's error page ({@code /error}, as HTML or JSON) may show. A client error keeps its
 * message, which says what to correct; a server error never shows the exception's message, which
 * can hold SQL, stored values or class names (it is in the log). {@code /error} requested directly,
 * rather than forwarded to after an error, is a page that does not exist: 404, not a 500 with status
 * "None".
 */
@Configuration
class ErrorPages {

    static final String ERROR_PATH = "/error";
    static final String SERVER_ERROR_MESSAGE =
            "The request could not be completed; the error is in the server's log for an administrator.";

    @Bean
    ErrorAttributes errorAttributes() {
        return new ServerErrorsWithoutInternals();
    }

    @Bean
    FilterRegistrationBean<ErrorPathNotAPage> errorPathNotAPage() {
        var registration = new FilterRegistrationBean<>(new ErrorPathNotAPage());
        registration.addUrlPatterns(ERROR_PATH);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    static class ServerErrorsWithoutInternals extends DefaultErrorAttributes {
        @Override
        public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
            Map<String, Object> attributes = super.getErrorAttributes(request, options);
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE, RequestAttributes.SCOPE_REQUEST);
            if (status instanceof Integer code && code >= 500 && attributes.containsKey("message")) {
                attributes.put("message", SERVER_ERROR_MESSAGE);
            }
            return attributes;
        }
    }

    /** Answers a direct request for the error page as the missing page it is. */
    static class ErrorPathNotAPage extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException {
            response.sendError(HttpStatus.NOT_FOUND.value(), "No page " + ERROR_PATH);
        }
    }
}
