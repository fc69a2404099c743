package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The second line behind the case check: our handlers' {@code long} ids bind from their plain
 * decimal spelling only. The application's own handler adapter is called directly with the
 * handler, as the DispatcherServlet would after the interceptors, which are left out here: as if
 * the case check had been bypassed.
 */
@RecordflowSpringTest
class StrictIdBindingTest {

    static final String UNKNOWN_ID = "987654321";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    RequestMappingHandlerAdapter adapter;

    @ParameterizedTest
    @ValueSource(strings = {"+987654321", "0987654321", "0x3ADE68B1", "#3ADE68B1", " 987654321", "987654321 "})
    void aPathVariableIdBindsFromItsPlainSpellingOnly(String spelling) {
        HandlerMethod caseDetail = handler("/api/cases/{caseId}", RequestMethod.GET);

        assertThatThrownBy(() -> adapter.handle(request("GET", Map.of("caseId", spelling)), new MockHttpServletResponse(),
                caseDetail))
                .isInstanceOf(MethodArgumentTypeMismatchException.class)
                .hasMessageContaining("'caseId'").hasMessageContaining("must be a plain decimal number");
        // the plain spelling reaches the handler, which finds no such case
        assertThatThrownBy(() -> adapter.handle(request("GET", Map.of("caseId", UNKNOWN_ID)), new MockHttpServletResponse(),
                caseDetail))
                .hasMessageContaining("987654321").isNotInstanceOf(MethodArgumentTypeMismatchException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+987654321", "0x3ADE68B1", " 987654321"})
    void aRequestParameterIdBindsFromItsPlainSpellingOnly(String spelling) {
        HandlerMethod upload = handler("/api/requests/{requestId}/packets", RequestMethod.POST);
        MockHttpServletRequest request = request("POST", Map.of("requestId", UNKNOWN_ID));
        request.addParameter("caseId", spelling);

        assertThatThrownBy(() -> adapter.handle(request, new MockHttpServletResponse(), upload))
                .isInstanceOf(MethodArgumentTypeMismatchException.class)
                .hasMessageContaining("'caseId'").hasMessageContaining("must be a plain decimal number");
    }

    private HandlerMethod handler(String pattern, RequestMethod method) {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> e.getKey().getPatternValues().contains(pattern) && e.getKey().getMethodsCondition().getMethods().contains(method))
                .map(Map.Entry::getValue)
                .findFirst().orElseThrow();
    }

    private static MockHttpServletRequest request(String method, Map<String, String> variables) {
        var request = new MockHttpServletRequest(method, "/");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, variables);
        return request;
    }
}
