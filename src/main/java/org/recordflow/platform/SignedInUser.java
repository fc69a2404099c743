package org.recordflow.platform;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current web request and the Camunda groups they were signed in with. */
public record SignedInUser(String id, Set<String> groups) {

    /** @throws IllegalStateException outside a signed-in request; every route but the login page requires one */
    public static SignedInUser current() {
        return ifSignedIn().orElseThrow(() -> new IllegalStateException("No signed-in user in this request"));
    }

    /** Empty for anonymous requests (the login page, an error before login). */
    public static Optional<SignedInUser> ifSignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(CamundaIdentityAuthenticationProvider.GROUP_PREFIX))
                .map(a -> a.substring(CamundaIdentityAuthenticationProvider.GROUP_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new SignedInUser(authentication.getName(), groups));
    }

    public boolean isIn(String groupId) {
        return groups.contains(groupId);
    }

    public boolean isAdmin() {
        return isIn(RecordflowGroups.ADMINS);
    }
}
