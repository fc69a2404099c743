package org.recordflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every id in our URLs is checked against the case it belongs to: a new endpoint with an id that
 * no {@link CaseScopedId} knows fails here rather than exposing another team's data (at run time
 * CaseAccessInterceptor refuses such a request). Ids reach our handlers in the path or as request
 * parameters named like a case-scoped id (both checked); none may come in a request body, which
 * the check does not read.
 */
@RecordflowSpringTest
class CaseScopedUrlsTest {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    List<CaseScopedId> scopedIds;

    @Test
    void everyPathVariableOfOurEndpointsIsACaseScopedId() {
        Set<String> known = scopedIds.stream().map(CaseScopedId::pathVariable).collect(Collectors.toSet());
        List<String> unchecked = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((mapping, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("org.recordflow")) {
                return;
            }
            for (String pattern : mapping.getPatternValues()) {
                Matcher variable = PATH_VARIABLE.matcher(pattern);
                while (variable.find()) {
                    (known.contains(variable.group(1)) ? checked : unchecked).add(pattern + " (" + variable.group(1) + ")");
                }
            }
        });

        assertThat(checked).as("our endpoints with ids").hasSizeGreaterThan(20);
        assertThat(known).contains("caseId", "requestId", "documentId", "authorizationId", "packetId");
        assertThat(unchecked).as("endpoints with ids no CaseScopedId checks").isEmpty();
    }

    /** Today one: the packet upload's optional {@code caseId}. */
    @Test
    void everyNumericRequestParameterOfOurEndpointsIsACaseScopedId() {
        Set<String> known = scopedIds.stream().map(CaseScopedId::pathVariable).collect(Collectors.toSet());
        List<String> numeric = new ArrayList<>();
        ourHandlers().forEach(method -> {
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                Class<?> type = ClassUtils.resolvePrimitiveIfNecessary(parameter.getParameterType());
                if (param != null && Number.class.isAssignableFrom(type)) {
                    MethodParameter named = new MethodParameter(parameter);
                    named.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                    String name = !param.name().isEmpty() ? param.name() : named.getParameterName();
                    numeric.add(method.getShortLogMessage() + " " + name);
                    assertThat(known).as("request parameter " + name + " of " + method.getShortLogMessage()).contains(name);
                }
            }
        });
        assertThat(numeric).hasSizeGreaterThanOrEqualTo(1);
    }

    /** Ids in a JSON body would reach a service without the check: such bodies carry dates, verdicts and text only. */
    @Test
    void noRequestBodyOfOurEndpointsCarriesAnId() {
        List<String> ids = new ArrayList<>();
        ourHandlers().forEach(method -> {
            for (MethodParameter parameter : method.getMethodParameters()) {
                Class<?> body = parameter.getParameterType();
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    assertThat(body.isRecord()).as("request body " + body.getName() + " is a record").isTrue();
                    for (RecordComponent component : body.getRecordComponents()) {
                        if (component.getName().matches("id|.*Id|.*_id|.*Ids")) {
                            ids.add(body.getName() + "." + component.getName());
                        }
                    }
                }
            }
        });
        assertThat(ids).as("ids in request bodies").isEmpty();
    }

    private List<HandlerMethod> ourHandlers() {
        return mappings.getHandlerMethods().values().stream()
                .filter(method -> method.getBeanType().getPackageName().startsWith("org.recordflow"))
                .toList();
    }
}
