package org.recordflow.authorization;

import org.recordflow.casefile.CaseScopedId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A HIPAA authorization belongs to its case; see {@link CaseScopedId}. */
@Configuration
class AuthorizationIdInUrl {

    @Bean
    CaseScopedId authorizationIdsBelongToCases(AuthorizationRepository authorizations) {
        return CaseScopedId.of("authorizationId", id -> authorizations.find(id).map(HipaaAuthorization::caseId));
    }
}
