package org.recordflow.platform;

import java.util.function.Supplier;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One login for everything. Spring Security authenticates every request (form login for people,
 * HTTP Basic for integrations) against Camunda's users; Camunda's webapps and REST API then trust
 * that login through their container-based authentication, so Camunda's authorizations apply to the
 * same user. Open without login: the login page, static assets and the health probe (its details
 * for administrators only). See docs/security-http.md for the headers, cookies and throttling.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ENGINE_REST = "/engine-rest/**";
    static final String CAMUNDA_API = "/camunda/api/**";
    static final String CAMUNDA_WEBAPPS = "/camunda/**";
    static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";
    /**
     * Camunda's own sign-in of its webapps, and the engine's password check for custom login screens:
     * both check any user's password for whoever is signed in, around {@link LoginThrottle}. People
     * sign in on /login only.
     */
    static final String CAMUNDA_WEBAPP_LOGIN = "/camunda/api/admin/auth/user/*/login/**";
    static final String ENGINE_REST_PASSWORD_CHECK = "/engine-rest/identity/verify";
    /**
     * Our pages load scripts, styles, images and forms from Recordflow only, run no inline script and
     * are framed by Recordflow only (the upload page shows inside a Tasklist form). {@code data:}
     * images: Swagger UI's icons.
     */
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'self'; base-uri 'self'; form-action 'self'";
    /** The engine API answers data, never a page: nothing in a response may run or be framed. */
    static final String ENGINE_REST_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** Spring Security's filter chain runs at -100; the Camunda filters need its login. */
    static final int AFTER_SPRING_SECURITY = 0;

    private final RefusedSignIn refusedSignIn = new RefusedSignIn();

    @Bean
    @Order(1)
    SecurityFilterChain engineRestSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(AntPathRequestMatcher.antMatcher(ENGINE_REST))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(AntPathRequestMatcher.antMatcher(ENGINE_REST_PASSWORD_CHECK)).denyAll()
                        .anyRequest().access(SecurityConfiguration::firmMember))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusedSignIn))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A stateless API authenticated on every call: no session cookie to forge requests with
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(policy -> policy.policyDirectives(ENGINE_REST_POLICY)))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(HttpSecurity http) throws Exception {
        RequestMatcher apiCalls = new OrRequestMatcher(
                AntPathRequestMatcher.antMatcher(CAMUNDA_API), AntPathRequestMatcher.antMatcher("/api/**"),
                AntPathRequestMatcher.antMatcher("/actuator/**"));
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(AntPathRequestMatcher.antMatcher(CAMUNDA_WEBAPP_LOGIN)).denyAll()
                        .requestMatchers("/login", "/error", "/css/**", "/img/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        // Oversight (issue 8): the dashboard and its API for supervisors and admins; the metrics
                        // also for the scrape user's group
                        .requestMatchers("/oversight", "/oversight/**", "/api/oversight/**")
                        .hasAnyAuthority(group(RecordflowGroups.SUPERVISORS), group(RecordflowGroups.ADMINS))
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(group(RecordflowGroups.MONITORING),
                                group(RecordflowGroups.SUPERVISORS), group(RecordflowGroups.ADMINS))
                        // Metrics, build information and the list of endpoints: for who oversees the firm
                        .requestMatchers("/actuator", "/actuator/**")
                        .hasAnyAuthority(group(RecordflowGroups.SUPERVISORS), group(RecordflowGroups.ADMINS))
                        .anyRequest().access(SecurityConfiguration::firmMember))
                .formLogin(form -> form.defaultSuccessUrl("/", false).permitAll()
                        // (not failureHandler(...): the generated login page would then no longer show its error)
                        .withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
                            @Override
                            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O signInForm) {
                                signInForm.setAuthenticationFailureHandler(refusedSignIn);
                                return signInForm;
                            }
                        }))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusedSignIn))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(refusedSignIn, apiCalls)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AntPathRequestMatcher.antMatcher("/**")))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/logout"),
                                AntPathRequestMatcher.antMatcher(HttpMethod.POST, CAMUNDA_LOGOUT))))
                // (no custom logoutSuccessUrl: with one, the generated login page no longer answers
                // its default, /login?logout, which then ends in a 404)
                // Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN) on /camunda/api
                .csrf(csrf -> csrf.ignoringRequestMatchers(AntPathRequestMatcher.antMatcher(CAMUNDA_WEBAPPS),
                        SecurityConfiguration::isSessionlessBasicCall))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.sameOrigin())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(SecurityConfiguration::writePagePolicy))
                .build();
    }

    /**
     * {@link #PAGE_POLICY} on our responses. Not on Camunda's webapps, which send a policy of their
     * own (with the nonce their scripts need: two policies would both apply); not on PDFs, which
     * Chrome's built-in viewer cannot show under {@code object-src 'none'}; not where a controller
     * set a policy of its own.
     */
    static void writePagePolicy(HttpServletRequest request, HttpServletResponse response) {
        String type = response.getContentType();
        if (!AntPathRequestMatcher.antMatcher(CAMUNDA_WEBAPPS).matches(request)
                && !response.containsHeader(CONTENT_SECURITY_POLICY)
                && (type == null || !type.startsWith(MediaType.APPLICATION_PDF_VALUE))) {
            response.setHeader(CONTENT_SECURITY_POLICY, PAGE_POLICY);
        }
    }

    private static String group(String groupId) {
        return CamundaIdentityAuthenticationProvider.GROUP_PREFIX + groupId;
    }

    /**
     * A signed-in user with a role in the firm. The metrics scrape account (only in the monitoring
     * group) reads /actuator/prometheus and nothing else: no case data, no engine API.
     */
    static AuthorizationDecision firmMember(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication user = authentication.get();
        boolean member = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)
                && user.getAuthorities().stream().anyMatch(a -> !a.getAuthority().equals(group(RecordflowGroups.MONITORING)));
        return new AuthorizationDecision(member);
    }

    /**
     * Integrations authenticate with HTTP Basic on every call and hold no session: a forged request
     * has no session to ride on, so they need no CSRF token. A request with a session is a browser's
     * and needs one, whatever Authorization header comes with it (Spring Security would take the
     * session's user and not even check a Basic password of the same user).
     */
    static boolean isSessionlessBasicCall(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && request.getSession(false) == null;
    }

    /** Lets Tasklist, Cockpit and Admin take the user from the Spring Security login. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-container-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    /** Runs engine REST calls as the authenticated user, so Camunda's authorizations apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-container-authentication");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }
}
