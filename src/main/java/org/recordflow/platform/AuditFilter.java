package org.recordflow.platform;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the audit trail for our own pages and API: every document view or download, and every
 * change (POST, PUT, PATCH, DELETE), with the user and the outcome. Camunda records what users do
 * in the engine in its own user operation log.
 */
@Component
class AuditFilter extends OncePerRequestFilter {

    /** Requests that return a document's content: records, letters, authorizations, binders, reports. */
    static final List<Pattern> DOCUMENT_VIEWS = List.of(
            Pattern.compile("^/documents/\\d+$"),
            Pattern.compile("^/authorizations/\\d+/pdf$"),
            Pattern.compile("^/requests/\\d+/diligence-report\\.pdf$"),
            Pattern.compile("^/api/packets/\\d+/(original|stamped)$"),
            Pattern.compile("^/api/cases/\\d+/binder$"));

    private final AuditTrail audit;

    AuditFilter(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            AuditTrail.Action action = actionOf(request);
            Principal user = request.getUserPrincipal();
            if (action != null && user != null) {
                audit.record(user.getName(), action, request.getMethod(), pathOf(request), response.getStatus(),
                        request.getRemoteAddr());
            }
        }
    }

    static AuditTrail.Action actionOf(HttpServletRequest request) {
        String path = pathOf(request);
        if (path.startsWith("/camunda/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/")
                || path.equals("/login") || path.equals("/logout")) {
            return null;
        }
        return switch (request.getMethod()) {
            case "POST", "PUT", "PATCH", "DELETE" -> AuditTrail.Action.CHANGE;
            case "GET" -> DOCUMENT_VIEWS.stream().anyMatch(p -> p.matcher(path).matches()) ? AuditTrail.Action.VIEW : null;
            default -> null;
        };
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
