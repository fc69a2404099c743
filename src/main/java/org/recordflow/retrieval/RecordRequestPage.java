package org.recordflow.retrieval;

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

    RecordRequestPage(RecordRequestService requests, CaseFileService cases, CorrespondenceLog log, MailDelivery mail,
                      GeneratedDocuments documents, RequestDeadlines deadlines) {
        this.requests = requests;
        this.cases = cases;
        this.log = log;
        this.mail = mail;
        this.documents = documents;
        this.deadlines = deadlines;
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
}
