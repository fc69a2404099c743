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
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * One login for everything. Spring Security authenticates every request (form login for people,
 * HTTP Basic for integrations) against Camunda's users; Camunda's webapps and REST API then trust
 * that login through their container-based authentication, so Camunda's authorizations apply to the
 * same user. Open without login: the login page, static assets and the health probe.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ENGINE_REST = "/engine-rest/**";
    static final String CAMUNDA_API = "/camunda/api/**";
    static final String CAMUNDA_LOGOUT = "/camunda/api/admin/auth/user/*/logout";
    /** Spring Security's filter chain runs at -100; the Camunda filters need its login. */
    static final int AFTER_SPRING_SECURITY = 0;

    @Bean
    @Order(1)
    SecurityFilterChain engineRestSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(AntPathRequestMatcher.antMatcher(ENGINE_REST))
                .authorizeHttpRequests(auth -> auth.anyRequest().access(SecurityConfiguration::firmMember))
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // A stateless API authenticated on every call: no session cookie to forge requests with
                .csrf(csrf -> csrf.disable())
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
                        .requestMatchers("/login", "/error", "/css/**", "/img/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        // Oversight (issue 8): the dashboard and its API for supervisors and admins; the metrics
                        // also for the scrape user's group
                        .requestMatchers("/oversight", "/oversight/**", "/api/oversight/**")
                        .hasAnyAuthority(group(RecordflowGroups.SUPERVISORS), group(RecordflowGroups.ADMINS))
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority(group(RecordflowGroups.MONITORING),
                                group(RecordflowGroups.SUPERVISORS), group(RecordflowGroups.ADMINS))
                        .anyRequest().access(SecurityConfiguration::firmMember))
                .formLogin(form -> form.defaultSuccessUrl("/", false).permitAll())
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), apiCalls)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AntPathRequestMatcher.antMatcher("/**")))
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(
                                AntPathRequestMatcher.antMatcher(HttpMethod.POST, "/logout"),
                                AntPathRequestMatcher.antMatcher(HttpMethod.POST, CAMUNDA_LOGOUT))))
                // (no custom logoutSuccessUrl: with one, the generated login page no longer answers
                // its default, /login?logout, which then ends in a 404)
                // Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN) on /camunda/api. Calls
                // that authenticate with HTTP Basic on each request (integrations) carry no session
                // cookie to forge: browsers never hold Basic credentials here, as no response asks for them.
                .csrf(csrf -> csrf.ignoringRequestMatchers(AntPathRequestMatcher.antMatcher("/camunda/**"),
                        SecurityConfiguration::authenticatesWithBasicCredentials))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .build();
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

    static boolean authenticatesWithBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
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
