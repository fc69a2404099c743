package org.recordflow.records;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;

import org.recordflow.casefile.CaseFileService;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.retrieval.RecordRequest;
import org.recordflow.retrieval.RecordRequestService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Our pages for received records, where Camunda Forms cannot serve: uploading a packet against a
 * request (Tasklist forms have no file picker; the request's task links here) and a case's index.
 */
@Controller
class RecordsPageController {

    private final PacketService packets;
    private final RecordsQueries queries;
    private final CompletenessService completeness;
    private final RecordRequestService requests;
    private final CaseFileService cases;
    private final BatesRegister bates;
    private final BinderService binders;
    private final Clock clock;

    RecordsPageController(PacketService packets, RecordsQueries queries, CompletenessService completeness,
                          RecordRequestService requests, CaseFileService cases, BatesRegister bates, BinderService binders,
                          Clock clock) {
        this.packets = packets;
        this.queries = queries;
        this.completeness = completeness;
        this.requests = requests;
        this.cases = cases;
        this.bates = bates;
        this.binders = binders;
        this.clock = clock;
    }

    @GetMapping("/records/requests/{requestId}/upload")
    String uploadForm(@PathVariable long requestId, Model model) {
        return requestPage(requestId, model);
    }

    @PostMapping("/records/requests/{requestId}/upload")
    String upload(@PathVariable long requestId, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                  @RequestParam(required = false) String receivedFrom, @RequestParam(required = false) String channel,
                  Principal user, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("received", PacketController.receive(requestId, null, file, receivedOn, receivedFrom,
                    channel, user, packets));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.problems());
        }
        return requestPage(requestId, model);
    }

    @PostMapping("/records/requests/{requestId}/completeness/override")
    String override(@PathVariable long requestId, @RequestParam(required = false) String verdict,
                    @RequestParam(required = false) String reason, Principal user, Model model,
                    HttpServletResponse response) {
        try {
            completeness.override(requestId, verdict, reason, user.getName());
            model.addAttribute("overridden", true);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problems", e.problems());
        }
        return requestPage(requestId, model);
    }

    @GetMapping("/records/cases/{caseId}")
    String casePage(@PathVariable long caseId, Model model) {
        model.addAttribute("caseFile", cases.get(caseId));
        model.addAttribute("numbering", bates.numbering(caseId));
        model.addAttribute("index", queries.index(caseId));
        model.addAttribute("requests", requests.forCase(caseId));
        model.addAttribute("binder", binders.latest(caseId).orElse(null));
        model.addAttribute("custody", queries.custody(caseId));
        return "records/case";
    }

    private String requestPage(long requestId, Model model) {
        RecordRequest request = requests.get(requestId);
        model.addAttribute("request", request);
        model.addAttribute("caseFile", cases.get(request.caseId()));
        model.addAttribute("packets", queries.packetsOfRequest(requestId));
        model.addAttribute("completeness", completeness.find(requestId).orElse(null));
        model.addAttribute("channels", ReceiptChannel.values());
        model.addAttribute("verdicts", CompletenessVerdict.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "records/upload";
    }
}
