package org.recordflow.platform;

import java.io.IOException;
import java.security.Principal;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the audit trail for our own pages and API, with the user, the outcome and the ids the
 * request carried as parsed values ({@link AuditedRequest}):
 * <ul>
 * <li>every view of a document: a GET of a handler marked {@link DocumentView}, recorded before
 * any content is written (no audit, no document), its outcome added when the request ends;</li>
 * <li>every change (POST, PUT, PATCH, DELETE);</li>
 * <li>every refused request: 403 from our case checks, from Spring Security (on our paths and
 * {@code /engine-rest}) or from the engine's authorizations, and ids our checks refused (400).</li>
 * </ul>
 * Camunda records what users do in the engine in its own user operation log.
 */
@Component
class AuditFilter extends OncePerRequestFilter implements HandlerInterceptor, WebMvcConfigurer {

    private static final String VIEW_EVENT = AuditFilter.class.getName() + ".viewEvent";

    private final AuditTrail audit;

    AuditFilter(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            recordOutcome(request, failure == null ? response.getStatus() : statusOf(failure));
        }
    }

    /** An exception that leaves the servlet: Spring Security answers an access denial with 403, the container anything else with 500. */
    private static int statusOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AccessDeniedException) {
                return HttpStatus.FORBIDDEN.value();
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    private void recordOutcome(HttpServletRequest request, int status) {
        Principal user = request.getUserPrincipal();
        if (user == null) {
            return;
        }
        if (request.getAttribute(VIEW_EVENT) instanceof RecordedView view) {
            if (view.status() != status) {
                audit.outcome(view.eventId(), status == HttpStatus.FORBIDDEN.value() ? AuditTrail.Action.REFUSED
                        : AuditTrail.Action.VIEW, status);
            }
            return;
        }
        AuditedRequest checked = AuditedRequest.find(request).orElse(null);
        AuditTrail.Action action = actionOf(request, status, checked);
        if (action != null) {
            audit.record(entry(user.getName(), action, request, status, checked));
        }
    }

    static AuditTrail.Action actionOf(HttpServletRequest request, int status, AuditedRequest checked) {
        if (status == HttpStatus.FORBIDDEN.value() || checked != null && checked.refusal().isPresent()) {
            return AuditTrail.Action.REFUSED;
        }
        String path = pathOf(request);
        if (path.startsWith("/camunda/") || path.startsWith("/engine-rest/") || path.startsWith("/actuator/")
                || path.equals("/login") || path.equals("/logout")) {
            return null;
        }
        return switch (request.getMethod()) {
            case "POST", "PUT", "PATCH", "DELETE" -> AuditTrail.Action.CHANGE;
            default -> null;
        };
    }

    // Document views: recorded when the handler is known and its checks passed, before it writes anything

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // after every other check (CaseAccessInterceptor runs first): a refused request is no view
        registry.addInterceptor(this).order(Ordered.LOWEST_PRECEDENCE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Principal user = request.getUserPrincipal();
        if (user != null && "GET".equals(request.getMethod()) && handler instanceof HandlerMethod method
                && AnnotatedElementUtils.hasAnnotation(method.getMethod(), DocumentView.class)) {
            int status = response.getStatus();
            long eventId = audit.record(entry(user.getName(), AuditTrail.Action.VIEW, request, status,
                    AuditedRequest.find(request).orElse(null)));
            request.setAttribute(VIEW_EVENT, new RecordedView(eventId, status));
        }
        return true;
    }

    private record RecordedView(long eventId, int status) {
    }

    // Refusals by Spring Security's request authorization never reach the filter above

    @EventListener
    void refusedBySpringSecurity(AuthorizationDeniedEvent<?> event) {
        Authentication user = event.getAuthentication().get();
        if (event.getObject() instanceof HttpServletRequest request && user != null && user.isAuthenticated()
                && !(user instanceof AnonymousAuthenticationToken)) {
            audit.record(new AuditTrail.Entry(user.getName(), AuditTrail.Action.REFUSED, request.getMethod(), pathOf(request),
                    HttpStatus.FORBIDDEN.value(), request.getRemoteAddr(), null, null, "refused by the security configuration"));
        }
    }

    private static AuditTrail.Entry entry(String actor, AuditTrail.Action action, HttpServletRequest request, int status,
                                          AuditedRequest checked) {
        return new AuditTrail.Entry(actor, action, request.getMethod(), pathOf(request), status, request.getRemoteAddr(),
                checked == null ? null : checked.caseId(), checked == null ? null : checked.ids(),
                checked == null ? null : checked.refusal().orElse(null));
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
