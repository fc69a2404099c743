package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Under the production profile's settings the cookies a browser holds travel over HTTPS only: the
 * session cookie, and the XSRF-TOKEN cookie that Camunda's webapps set (Camunda's own filter, set up
 * from these settings as the starter does). The demo, on plain HTTP at localhost, keeps them usable.
 */
class ProductionCookiesTest {

    @Test
    void camundasXsrfTokenCookieIsSecureUnderTheProductionProfileOnly() throws Exception {
        assertThat(xsrfTokenCookie("application.yml", "application-production.yml")).containsPattern(";\\s*Secure(;|$)");
        assertThat(xsrfTokenCookie("application.yml", "application-demo.yml")).doesNotContainPattern(";\\s*Secure(;|$)");
    }

    @Test
    void theSessionCookieIsSecureUnderTheProductionProfile() {
        assertThat(settings("application.yml", "application-production.yml")
                .bind("server.servlet.session.cookie.secure", Boolean.class).orElse(false)).isTrue();
    }

    static Binder settings(String... files) {
        return Binder.get(ShippedSettings.of(files));
    }

    static String xsrfTokenCookie(String... files) throws Exception {
        CamundaBpmProperties camunda = settings(files).bindOrCreate("camunda.bpm", CamundaBpmProperties.class);
        var config = new MockFilterConfig();
        camunda.getWebapp().getCsrf().getInitParams().forEach(config::addInitParameter);
        var filter = new CsrfPreventionFilter();
        filter.init(config);
        var response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/"), response, new MockFilterChain());
        return response.getHeaders(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst().orElseThrow();
    }
}
