package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What the browser is told: our pages' Content-Security-Policy and Referrer-Policy, Camunda's
 * webapps left with their own policy (and still loading), no Basic challenge that a browser would
 * answer with cached credentials, no CSRF exemption for a signed-in browser, and no way around the
 * sign-in throttle through Camunda's own password checks.
 */
@RecordflowSpringTest
class HttpSecurityTest {

    static final String CSP = SecurityConfiguration.CONTENT_SECURITY_POLICY;
    static final String REFERRER_POLICY = "Referrer-Policy";

    @Autowired
    TestRestTemplate http;
    @Autowired
    WebApplicationContext context;

    @Test
    void ourPagesSendTheirPoliciesAndStillLoadTheirStyles() {
        ResponseEntity<String> home = paulaGets("/", SecurityConfiguration.PAGE_POLICY);
        assertThat(home.getBody()).contains("href=\"/css/recordflow.css\"");
        assertThat(home.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()))
                .as("Spring Security keeps its CSRF token in the session, not in a cookie").noneMatch(c -> c.startsWith("XSRF-TOKEN"));

        ResponseEntity<String> css = http.getForEntity("/css/recordflow.css", String.class);
        assertThat(css.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(css.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/css"))).isTrue();

        ResponseEntity<String> signIn = http.getForEntity("/login", String.class);
        assertThat(signIn.getHeaders().get(CSP)).containsExactly(SecurityConfiguration.PAGE_POLICY);
        assertThat(signIn.getBody()).contains("/default-ui.css").doesNotContain("<script");
        assertThat(http.getForEntity("/default-ui.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** The policy allows no inline script, style or event handler: our templates must have none. */
    @Test
    void ourTemplatesNeedNothingThePolicyForbids() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)|<style|\\sstyle=|\\son[a-z]+=|javascript:", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> templates = files.filter(f -> f.toString().endsWith(".html")).toList();
            assertThat(templates).isNotEmpty().allSatisfy(template ->
                    assertThat(inline.matcher(Files.readString(template, StandardCharsets.UTF_8)).find()).as(template.toString()).isFalse());
        }
    }

    @Test
    void camundasWebappsLoadWithTheirOwnPolicyAndOurReferrerPolicy() {
        Map<String, String> appsByUser = Map.of("paula", "/camunda/app/tasklist/", "sam", "/camunda/app/cockpit/default/",
                "admin", "/camunda/app/admin/default/");
        appsByUser.forEach((user, path) -> {
            ResponseEntity<String> app = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
            assertThat(app.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(app.getBody()).as(path).contains("camunda-").doesNotContain("name=\"password\"");
            assertThat(app.getHeaders().get(CSP)).as(path).hasSize(1).allSatisfy(policy ->
                    assertThat(policy).contains("'strict-dynamic'").isNotEqualTo(SecurityConfiguration.PAGE_POLICY));
            assertThat(app.getHeaders().get(REFERRER_POLICY)).as(path).containsExactly("same-origin");
        });
        assertThat(http.withBasicAuth("paula", "demo").getForEntity("/camunda/app/tasklist/scripts/config.js", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theEngineApiSendsAPolicyUnderWhichNothingRuns() {
        paulaGets("/engine-rest/task", SecurityConfiguration.ENGINE_REST_POLICY);
    }

    private ResponseEntity<String> paulaGets(String path, String policy) {
        ResponseEntity<String> response = http.withBasicAuth("paula", "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().get(CSP)).as(path).containsExactly(policy);
        assertThat(response.getHeaders().get(REFERRER_POLICY)).as(path).containsExactly("same-origin");
        return response;
    }

    @Test
    void pdfsCamundasPagesAndPoliciesOfTheirOwnGetNoPagePolicy() {
        assertThat(policyWritten("/cases/1", "text/html;charset=UTF-8", null)).isEqualTo(SecurityConfiguration.PAGE_POLICY);
        assertThat(policyWritten("/documents/7", MediaType.APPLICATION_PDF_VALUE, null))
                .as("Chrome's PDF viewer needs object-src").isNull();
        assertThat(policyWritten("/camunda/app/tasklist/", "text/html", null)).isNull();
        assertThat(policyWritten("/api/packets/7/original", "application/octet-stream", "sandbox")).isEqualTo("sandbox");
    }

    private static String policyWritten(String path, String contentType, String policyOfItsOwn) {
        var request = new MockHttpServletRequest("GET", path);
        request.setServletPath(path);
        var response = new MockHttpServletResponse();
        response.setContentType(contentType);
        if (policyOfItsOwn != null) {
            response.setHeader(CSP, policyOfItsOwn);
        }
        SecurityConfiguration.writePagePolicy(request, response);
        return response.getHeader(CSP);
    }

    @Test
    void aWrongBasicPasswordIsRefusedWithoutAskingTheBrowserForOne() {
        List<String> paths = List.of("/", "/cases", "/api/cases", "/engine-rest/task", "/camunda/api/engine/engine/default/task/count",
                "/camunda/app/tasklist/", "/actuator/metrics");
        for (int i = 0; i < paths.size(); i++) {
            ResponseEntity<String> refused = http.withBasicAuth("no-such-user-" + i, "guess").getForEntity(paths.get(i), String.class);
            assertThat(refused.getStatusCode()).as(paths.get(i)).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).as(paths.get(i)).isNull();
        }
        assertThat(http.getForEntity("/engine-rest/task", String.class).getHeaders().get(HttpHeaders.WWW_AUTHENTICATE)).isNull();
    }

    @Test
    void aBasicHeaderDoesNotSpareASignedInBrowserItsCsrfToken() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpSession session = (MockHttpSession) mvc.perform(post("/login").param("username", "paula").param("password", "demo")
                .with(csrf())).andExpect(redirectedUrl("/")).andReturn().getRequest().getSession(false);

        mvc.perform(post("/logout").session(session).header(HttpHeaders.AUTHORIZATION, basic("paula", "not-her-password")))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/cases").session(session)).andExpect(status().isOk());
        // An integration, with no session, signs in on each call and needs no token
        mvc.perform(post("/logout").with(httpBasic("paula", "demo"))).andExpect(status().isNoContent());
    }

    @Test
    void camundasOwnPasswordChecksAreClosedToSignedInUsers() {
        TestRestTemplate paula = http.withBasicAuth("paula", "demo");
        ResponseEntity<String> verify = paula.postForEntity("/engine-rest/identity/verify",
                Map.of("username", "admin", "password", "demo"), String.class);
        assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(verify.getBody()).doesNotContain("\"authenticated\":true");

        // Camunda's webapp login, with the session and the token Tasklist would hold
        ResponseEntity<String> tasklist = paula.getForEntity("/camunda/app/tasklist/", String.class);
        List<String> cookies = tasklist.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                .map(c -> c.split(";", 2)[0]).toList();
        String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().substring(11);
        var headers = new HttpHeaders();
        headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        headers.set("X-XSRF-TOKEN", token);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = paula.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=admin&password=demo", headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(login.getBody()).doesNotContain("\"userId\":\"admin\"");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
