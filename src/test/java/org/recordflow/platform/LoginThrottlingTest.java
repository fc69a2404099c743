package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import jakarta.servlet.RequestDispatcher;

/**
 * Wrong passwords make their client's address wait, never lock the account: the same user signs in
 * from elsewhere meanwhile, and from that address again once the window has passed. Each test
 * guesses from addresses of its own (documentation ranges), as the throttle outlives a test.
 */
@RecordflowSpringTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottlingTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    IdentityService identity;
    @Autowired
    UserAccounts accounts;

    MockMvc mvc;

    /** Stopped, so that a wait is exactly as long as configured however slowly the test runs */
    Instant now;

    @BeforeEach
    void mockMvcAndAStoppedClock() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        now = Instant.now();
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void wrongPasswordsForAdminMakeOnlyTheirAddressWaitAndOnlyForTheWindow(CapturedOutput output) throws Exception {
        String attacker = "203.0.113.61";
        for (int i = 0; i < throttle.settings().failuresPerUser(); i++) {
            mvc.perform(get("/api/cases").with(httpBasic("admin", "guess-" + i)).with(from(attacker)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/cases").with(httpBasic("admin", "demo")).with(from(attacker)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.settings().firstWait().toSeconds())))
                .andExpect(jsonPath("$.message").value(containsString("Too many failed sign-ins from your address")));
        mvc.perform(get("/api/cases").with(httpBasic("admin", "demo")).with(from("198.51.100.62")))
                .andExpect(status().isOk());

        ClockUtil.setCurrentTime(Date.from(now.plus(throttle.settings().window())));
        mvc.perform(get("/api/cases").with(httpBasic("admin", "demo")).with(from(attacker)))
                .andExpect(status().isOk());
        assertThat(output.getAll()).contains("Sign-ins of user 'admin' from " + attacker + " wait",
                "Refused a sign-in of user 'admin' from " + attacker).doesNotContain("guess-");
    }

    @Test
    void guessingManyUserNamesFromOneAddressMakesTheWholeAddressWait() throws Exception {
        String scanner = "203.0.113.71";
        for (int i = 0; i < throttle.settings().failuresPerAddress(); i++) {
            mvc.perform(get("/api/cases").with(httpBasic("nobody" + i, "guess")).with(from(scanner)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/cases").with(httpBasic("paula", "demo")).with(from(scanner)))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/cases").with(httpBasic("paula", "demo")).with(from("198.51.100.72")))
                .andExpect(status().isOk());
    }

    @Test
    void theSignInFormSaysHowLongToWaitWhileTheAddressWaits() throws Exception {
        String address = "203.0.113.81";
        MvcResult wrong = null;
        for (int i = 0; i < throttle.settings().failuresPerUser(); i++) {
            wrong = mvc.perform(post("/login").param("username", "riley").param("password", "guess-" + i).with(csrf())
                    .with(from(address))).andExpect(redirectedUrl("/login?error")).andReturn();
        }
        mvc.perform(get("/login?error").session((MockHttpSession) wrong.getRequest().getSession()))
                .andExpect(content().string(containsString("Invalid credentials")));

        String message = "Too many failed sign-ins from your address: try again in "
                + throttle.settings().firstWait().toSeconds() + " seconds.";
        mvc.perform(post("/login").param("username", "riley").param("password", "demo").with(csrf()).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(status().reason(message))
                .andExpect(header().string(HttpHeaders.RETRY_AFTER, String.valueOf(throttle.settings().firstWait().toSeconds())));
        // What the browser then shows: Recordflow's error page (MockMvc does not forward to it by itself)
        mvc.perform(get("/error").requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 429).requestAttr(RequestDispatcher.ERROR_MESSAGE, message)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/login").accept(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Please wait")))
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("href=\"/login\"")));

        mvc.perform(post("/login").param("username", "riley").param("password", "demo").with(csrf()).with(from("198.51.100.82")))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theEngineLocksNoAccountAfterWrongPasswords() {
        accounts.ensureUser("lockprobe", "Lock", "Probe", "right-password", RecordflowGroups.REVIEWERS);
        // More than Camunda's default of 10 attempts, each of which would also delay the next login
        for (int i = 0; i < 12; i++) {
            assertThat(identity.checkPassword("lockprobe", "wrong-" + i)).isFalse();
        }

        assertThat(identity.checkPassword("lockprobe", "right-password")).isTrue();
    }
}
