package org.recordflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every id in our URLs is checked against the case it belongs to: a new endpoint with an id that
 * no {@link CaseScopedId} knows fails here rather than exposing another team's data.
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
}
