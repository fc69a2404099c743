package org.recordflow.casefile;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Before any of our controllers runs, checks each case-scoped id in its URL: reading (GET) needs
 * {@link CaseAccess.Need#READ} on the id's case, anything else {@link CaseAccess.Need#WORK}.
 * Camunda's own REST API and webapps are not Spring MVC; Camunda's authorizations guard them.
 */
@Configuration
class CaseAccessInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final CaseAccess access;
    private final List<CaseScopedId> scopedIds;

    CaseAccessInterceptor(CaseAccess access, List<CaseScopedId> scopedIds) {
        this.access = access;
        this.scopedIds = scopedIds;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null || variables.isEmpty()) {
            return true;
        }
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        CaseAccess.Need need = method == HttpMethod.GET || method == HttpMethod.HEAD ? CaseAccess.Need.READ : CaseAccess.Need.WORK;
        for (CaseScopedId scopedId : scopedIds) {
            String value = variables.get(scopedId.pathVariable());
            if (value == null || !value.matches("\\d{1,18}")) {
                continue; // absent, or not an id: the controller's binding answers 400
            }
            scopedId.caseOf(Long.parseLong(value)).ifPresent(caseId -> access.require(caseId, need));
        }
        return true;
    }
}
