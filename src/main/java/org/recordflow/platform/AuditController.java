package org.recordflow.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail as CSV, for administrators (and a firm's compliance review). */
@RestController
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/api/audit", produces = "text/csv")
    @DocumentView
    @PreAuthorize("hasAuthority('GROUP_" + RecordflowGroups.ADMINS + "')")
    ResponseEntity<String> export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        ZoneId zone = ZoneId.systemDefault();
        String csv = "occurred_at,actor,action,method,path,status,remote_addr,case_id,ids,detail\n" + audit
                .between(from.atStartOfDay(zone).toOffsetDateTime(), to.plusDays(1).atStartOfDay(zone).toOffsetDateTime())
                .stream()
                .map(e -> String.join(",", e.occurredAt().toString(), csv(e.actor()), e.action().name(), e.method(),
                        csv(e.path()), String.valueOf(e.status()), csv(e.remoteAddr()),
                        e.caseId() == null ? "" : e.caseId().toString(), csv(e.ids()), csv(e.detail())))
                .collect(Collectors.joining("\n"));
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("recordflow-audit-" + from + "-" + to + ".csv").build().toString())
                .body(csv);
    }

    private static String csv(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
