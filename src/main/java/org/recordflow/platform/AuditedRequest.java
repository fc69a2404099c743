package org.recordflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the checks before a handler learned about a request, for its audit event: the ids it
 * carried as parsed values, the case they belong to and, when refused, why. Lives as a request
 * attribute; {@link AuditFilter} writes it with the event.
 */
public final class AuditedRequest {

    private static final String ATTRIBUTE = AuditedRequest.class.getName();

    private final List<String> ids = new ArrayList<>();
    private Long caseId;
    private String refusal;

    private AuditedRequest() {
    }

    public static AuditedRequest of(HttpServletRequest request) {
        return find(request).orElseGet(() -> {
            AuditedRequest audited = new AuditedRequest();
            request.setAttribute(ATTRIBUTE, audited);
            return audited;
        });
    }

    static Optional<AuditedRequest> find(HttpServletRequest request) {
        return Optional.ofNullable((AuditedRequest) request.getAttribute(ATTRIBUTE));
    }

    /** An id the request carried, as the value it stands for however it was spelled. */
    public AuditedRequest id(String name, long value) {
        ids.add(name + "=" + value);
        return this;
    }

    /** The case of the id checked last (the refused one, when a check refused). */
    public AuditedRequest caseId(long caseId) {
        this.caseId = caseId;
        return this;
    }

    /** The request was refused before its handler ran. */
    public AuditedRequest refused(String reason) {
        this.refusal = reason;
        return this;
    }

    String ids() {
        return ids.isEmpty() ? null : String.join(",", ids);
    }

    Long caseId() {
        return caseId;
    }

    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }
}
