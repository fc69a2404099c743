package org.recordflow.platform;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How a refused sign-in is answered. While its address waits after failed sign-ins
 * ({@link LoginThrottle}): 429 with {@code Retry-After}, for an API call as JSON, for the sign-in
 * form as Recordflow's error page saying how long to wait. Otherwise an API call or HTTP Basic
 * login gets 401, the form its "Invalid credentials". Never {@code WWW-Authenticate: Basic}: that
 * challenge makes a browser ask for a password and then send it with every request to the site,
 * forged ones included, and nothing would protect those against cross-site request forgery.
 * Integrations (and Camunda Modeler) send their credentials without being asked.
 */
final class RefusedSignIn implements AuthenticationEntryPoint, AuthenticationFailureHandler {

    private final AuthenticationFailureHandler signInForm = new SimpleUrlAuthenticationFailureHandler("/login?error");

    /** An API call or HTTP Basic login. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        if (refusal instanceof LoginThrottle.Throttled throttled) {
            retryAfter(response, throttled);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            // The message is ours, with no input in it
            response.getWriter().write("{\"status\":429,\"type\":\"LoginThrottled\",\"message\":\""
                    + throttled.getMessage() + "\"}");
        } else {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
        }
    }

    /** The sign-in form. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException, ServletException {
        if (refusal instanceof LoginThrottle.Throttled throttled) {
            retryAfter(response, throttled);
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), throttled.getMessage());
        } else {
            signInForm.onAuthenticationFailure(request, response, refusal);
        }
    }

    private static void retryAfter(HttpServletResponse response, LoginThrottle.Throttled throttled) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
    }
}
