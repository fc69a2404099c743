package org.recordflow.retrieval;

import java.time.LocalDate;
import java.util.List;

import java.io.IOException;

import org.recordflow.casefile.CaseFileService;
import org.recordflow.platform.DocumentView;
import org.recordflow.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.security.Principal;

@RestController
class RecordRequestController {

    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final CorrespondenceLog log;
    private final RequestDeadlines deadlines;
    private final GeneratedDocuments documents;
    private final MailDelivery mail;
    private final SubpoenaDocuments subpoenas;

    RecordRequestController(RecordRequestService requests, CaseFileService cases, CorrespondenceLog log,
                            RequestDeadlines deadlines, GeneratedDocuments documents, MailDelivery mail,
                            SubpoenaDocuments subpoenas) {
        this.requests = requests;
        this.cases = cases;
        this.log = log;
        this.deadlines = deadlines;
        this.documents = documents;
        this.mail = mail;
        this.subpoenas = subpoenas;
    }

    @GetMapping("/api/cases/{caseId}/requests")
    List<RecordRequest> forCase(@PathVariable long caseId) {
        cases.get(caseId);
        return requests.forCase(caseId);
    }

    @GetMapping("/api/requests/{requestId}")
    RecordRequest get(@PathVariable long requestId) {
        return requests.get(requestId);
    }

    @GetMapping("/api/requests/{requestId}/correspondence")
    List<Correspondence> correspondence(@PathVariable long requestId) {
        requests.get(requestId);
        return log.forRequest(requestId);
    }

    /** Outgoing mail of the request, with its delivery status (NOT_SENT when no mail server is configured). */
    @GetMapping("/api/requests/{requestId}/mail")
    List<OutboundMail> mail(@PathVariable long requestId) {
        requests.get(requestId);
        return mail.forRequest(requestId);
    }

    @GetMapping("/api/requests/{requestId}/documents")
    List<StoredDocument> documents(@PathVariable long requestId) {
        requests.get(requestId);
        return documents.forRequest(requestId);
    }

    @GetMapping("/requests/{requestId}/diligence-report.pdf")
    @DocumentView
    ResponseEntity<byte[]> diligenceReport(@PathVariable long requestId) {
        return pdf("diligence-report-" + requestId + ".pdf", deadlines.diligenceReport(requestId));
    }

    @GetMapping("/documents/{documentId}")
    @DocumentView
    ResponseEntity<byte[]> document(@PathVariable long documentId) {
        return pdf(documents.describe(documentId).fileName(), documents.content(documentId));
    }

    record ExtensionNotice(LocalDate noticeReceivedOn, LocalDate newDueOn, String reason) {
    }

    /** The provider's written extension notice: moves the deadline once, within the rule; the timer follows. */
    @PostMapping("/api/requests/{requestId}/extension")
    RecordRequest recordExtension(@PathVariable long requestId, @RequestBody ExtensionNotice notice, Principal user) {
        return deadlines.recordExtension(requestId, notice.noticeReceivedOn(), notice.newDueOn(), notice.reason(), user.getName());
    }

    record FeePayment(LocalDate paidOn) {
    }

    /** The holder's fee was paid: a rule that counts from receipt and payment (Texas) starts its clock then. */
    @PostMapping("/api/requests/{requestId}/payment")
    RecordRequest recordPayment(@PathVariable long requestId, @RequestBody FeePayment payment) {
        return deadlines.recordPayment(requestId, payment.paidOn());
    }

    /** The subpoena a subpoena request encloses, as a PDF; stored with its hash and enclosed byte for byte. */
    @PostMapping(path = "/api/cases/{caseId}/subpoena", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<StoredDocument> uploadSubpoena(@PathVariable long caseId, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new InvalidInputException("Choose the subpoena's PDF file to upload");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(subpoenas.store(cases.get(caseId), file.getOriginalFilename(), file.getBytes()));
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] content) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(content);
    }
}
