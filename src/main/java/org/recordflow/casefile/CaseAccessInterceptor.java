package org.recordflow.casefile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.recordflow.platform.AuditedRequest;
import org.recordflow.platform.CanonicalIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before any of our controllers runs, checks every case-scoped id of the request, in its URL
 * ({@code /requests/{requestId}}) or as a request parameter ({@code ?caseId=}): reading (GET, HEAD)
 * needs {@link CaseAccess.Need#READ} on the id's case, anything else {@link CaseAccess.Need#WORK}.
 * It decides on the value the handler will receive, and fails closed:
 * <ul>
 * <li>an id not spelled as a plain decimal number ({@code +42}, {@code 042}, {@code 0x2A},
 * {@code %2042}, which Spring's binding would all read as 42) is refused with 400;</li>
 * <li>a path variable of our handlers that no {@link CaseScopedId} knows is refused with 500 and
 * an error in the log: it is a defect of ours (CaseScopedUrlsTest finds it first), not the user's;</li>
 * <li>when the case of an id cannot be found out (the lookup fails), the request is refused (403).</li>
 * </ul>
 * What it learned (parsed ids, their case, why it refused) goes to the audit trail. Camunda's own
 * REST API and webapps are not Spring MVC; Camunda's authorizations guard them.
 */
@Configuration
class CaseAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CaseAccessInterceptor.class);
    private static final String OUR_PACKAGE = "org.recordflow.";

    private final CaseAccess access;
    private final Map<String, CaseScopedId> scopedIds;

    CaseAccessInterceptor(CaseAccess access, List<CaseScopedId> scopedIds) {
        this.access = access;
        this.scopedIds = scopedIds.stream().collect(Collectors.toMap(CaseScopedId::pathVariable, Function.identity()));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).order(Ordered.HIGHEST_PRECEDENCE);
    }

    /** An id as the request spelled it, and who knows its case. */
    private record Id(String name, String text, CaseScopedId scope) {

        /** Only once its spelling was found canonical. */
        long value() {
            return CanonicalIds.parse(text).getAsLong();
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith(OUR_PACKAGE)) {
            return true; // Spring's and libraries' handlers (error page, API docs, static files) hold no case data
        }
        List<Id> ids = idsOf(request, method);
        AuditedRequest audit = AuditedRequest.of(request);
        for (Id id : ids) {
            if (CanonicalIds.parse(id.text()).isEmpty()) {
                refuseSpelling(id, ids, audit);
            }
        }
        CaseAccess.Need need = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                ? CaseAccess.Need.READ : CaseAccess.Need.WORK;
        ids.forEach(id -> audit.id(id.name(), id.value()));
        for (Id id : ids) {
            require(id, need, request, audit);
        }
        return true;
    }

    /** The path variables of the handler's URL and the request parameters named like a case-scoped id. */
    private List<Id> idsOf(HttpServletRequest request, HandlerMethod method) {
        List<Id> ids = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables != null) {
            variables.forEach((name, text) -> {
                CaseScopedId scope = scopedIds.get(name);
                if (scope == null) {
                    String problem = "Path variable '" + name + "' of " + method.getShortLogMessage()
                            + " is no case-scoped id that any CaseScopedId bean knows: refused until one is declared";
                    log.error("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), problem);
                    AuditedRequest.of(request).refused(problem);
                    throw new CaseScopeUnknownException(problem);
                }
                ids.add(new Id(name, text, scope));
            });
        }
        scopedIds.forEach((name, scope) -> {
            String[] values = request.getParameterValues(name);
            for (String text : values == null ? new String[0] : values) {
                ids.add(new Id(name, text, scope));
            }
        });
        return ids;
    }

    private static void refuseSpelling(Id refused, List<Id> ids, AuditedRequest audit) {
        // For the audit: what each id would have been read as, and whose case the refused one points at
        for (Id id : ids) {
            CanonicalIds.asSpringWouldRead(id.text()).ifPresent(value -> audit.id(id.name(), value));
        }
        OptionalLong meant = CanonicalIds.asSpringWouldRead(refused.text());
        if (meant.isPresent()) {
            try {
                refused.scope().caseOf(meant.getAsLong()).ifPresent(audit::caseId);
            } catch (RuntimeException lookupFailed) {
                log.warn("Could not find the case of refused {} for the audit", refused.name(), lookupFailed);
            }
        }
        String problem = CanonicalIds.problem(refused.name());
        audit.refused(problem);
        throw new NonCanonicalIdException(problem);
    }

    /** Refuses unless the user may read or work the id's case; an id of nothing passes (the handler answers 404). */
    private void require(Id id, CaseAccess.Need need, HttpServletRequest request, AuditedRequest audit) {
        try {
            id.scope().caseOf(id.value()).ifPresent(caseId -> {
                audit.caseId(caseId);
                access.require(caseId, need);
            });
        } catch (CaseAccessDeniedException refused) {
            audit.refused(refused.getMessage());
            throw refused;
        } catch (CaseNotFoundException gone) {
            throw gone;
        } catch (RuntimeException undecided) {
            String problem = "Recordflow could not check whose case " + id.name() + " " + id.value() + " belongs to";
            log.error("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), problem, undecided);
            audit.refused(problem);
            throw new CaseAccessDeniedException(problem + "; try again later");
        }
    }
}
