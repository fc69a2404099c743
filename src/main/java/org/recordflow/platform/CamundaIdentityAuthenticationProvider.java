package org.recordflow.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks logins against Camunda's identity service (salted password hashes), the seam where LDAP or
 * OIDC can replace it later, after asking {@link LoginThrottle} whether the client's address may try
 * now. Camunda's own lock after failed logins is off (application.yml, {@code loginMaxAttempts}).
 * Each Camunda group becomes an authority {@code GROUP_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identity;
    private final LoginThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identity, LoginThrottle throttle) {
        this.identity = identity;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.checkAllowed(address, user);
        if (user == null || user.isBlank() || credentials == null
                || !identity.checkPassword(user, credentials.toString())) {
            throttle.failed(address, user);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        throttle.succeeded(address, user);
        List<GrantedAuthority> authorities = identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> (GrantedAuthority) new SimpleGrantedAuthority(GROUP_PREFIX + g.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
