package org.recordflow.retrieval;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;

import org.recordflow.casefile.CaseFileService;
import org.recordflow.platform.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request's file for the paralegal: status and deadline, every contact in the log, the letters
 * with their delivery status, and the provider's extension notice to record.
 */
@Controller
class RecordRequestPage {

    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final CorrespondenceLog log;
    private final MailDelivery mail;
    private final GeneratedDocuments documents;
    private final RequestDeadlines deadlines;
    private final SubpoenaDocuments subpoenas;

    RecordRequestPage(RecordRequestService requests, CaseFileService cases, CorrespondenceLog log, MailDelivery mail,
                      GeneratedDocuments documents, RequestDeadlines deadlines, SubpoenaDocuments subpoenas) {
        this.requests = requests;
        this.cases = cases;
        this.log = log;
        this.mail = mail;
        this.documents = documents;
        this.deadlines = deadlines;
        this.subpoenas = subpoenas;
    }

    @GetMapping("/requests/{requestId}")
    String show(@PathVariable long requestId, Model model) {
        RecordRequest request = requests.get(requestId);
        model.addAttribute("request", request);
        model.addAttribute("caseFile", cases.get(request.caseId()));
        model.addAttribute("correspondence", log.forRequest(requestId));
        model.addAttribute("mail", mail.forRequest(requestId));
        model.addAttribute("documents", documents.forRequest(requestId));
        model.addAttribute("paused", requests.isPaused(requestId));
        model.addAttribute("subpoena", subpoenas.onFile(request.caseId()).orElse(null));
        return "retrieval/request";
    }

    @PostMapping("/requests/{requestId}/extension")
    String recordExtension(@PathVariable long requestId,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noticeReceivedOn,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDueOn,
                           @RequestParam(required = false) String reason, Principal user, RedirectAttributes flash) {
        try {
            RecordRequest extended = deadlines.recordExtension(requestId, noticeReceivedOn, newDueOn, reason, user.getName());
            flash.addFlashAttribute("message", "Extension recorded: the request is now due " + extended.effectiveDueOn());
        } catch (InvalidInputException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/requests/" + requestId;
    }

    @PostMapping("/requests/{requestId}/payment")
    String recordPayment(@PathVariable long requestId,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
                         RedirectAttributes flash) {
        try {
            RecordRequest paid = deadlines.recordPayment(requestId, paidOn);
            flash.addFlashAttribute("message", "Fee payment recorded" + (paid.dueOn() == null ? ""
                    : ": the request is now due " + paid.effectiveDueOn() + ", firm target " + paid.targetOn()));
        } catch (InvalidInputException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/requests/" + requestId;
    }

    @PostMapping("/requests/{requestId}/subpoena")
    String uploadSubpoena(@PathVariable long requestId, @RequestParam(required = false) MultipartFile file,
                          RedirectAttributes flash) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("Choose the subpoena's PDF file to upload");
            }
            StoredDocument stored = subpoenas.store(cases.get(requests.get(requestId).caseId()), file.getOriginalFilename(),
                    file.getBytes());
            flash.addFlashAttribute("message", "Subpoena stored: " + stored.fileName() + ", SHA-256 " + stored.sha256());
        } catch (InvalidInputException refused) {
            flash.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/requests/" + requestId;
    }
}
