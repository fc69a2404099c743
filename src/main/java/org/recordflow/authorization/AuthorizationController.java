package org.recordflow.authorization;

import java.time.LocalDate;
import java.util.List;

import org.recordflow.platform.DocumentView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthorizationController {

    private final HipaaAuthorizationService authorizations;

    AuthorizationController(HipaaAuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    /** The authorization as a PDF to print and have signed, generated from the case's current data. */
    @GetMapping("/authorizations/{authorizationId}/pdf")
    @DocumentView
    ResponseEntity<byte[]> pdf(@PathVariable long authorizationId) {
        HipaaAuthorization authorization = authorizations.get(authorizationId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("authorization-" + authorization.id() + "-" + authorization.scope().name().toLowerCase() + ".pdf")
                        .build().toString())
                .body(authorizations.pdf(authorizationId));
    }

    record CaseAuthorizations(List<HipaaAuthorization> authorizations, List<String> defects) {
    }

    @GetMapping("/api/cases/{caseId}/authorizations")
    CaseAuthorizations forCase(@PathVariable long caseId) {
        return new CaseAuthorizations(authorizations.forCase(caseId), authorizations.defects(caseId));
    }

    record Revocation(LocalDate revokedOn) {
    }

    /** The client revoked in writing: requests stop going out on it from now on. */
    @PostMapping("/api/authorizations/{authorizationId}/revocation")
    HipaaAuthorization revoke(@PathVariable long authorizationId, @RequestBody Revocation revocation) {
        authorizations.revoke(authorizationId, revocation.revokedOn());
        return authorizations.get(authorizationId);
    }
}
