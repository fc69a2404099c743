package org.recordflow.retrieval;

import java.util.List;

import org.recordflow.authorization.HipaaAuthorizationService;
import org.recordflow.casefile.CaseAccess;
import org.recordflow.casefile.CaseFileService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The case at a glance for the paralegal: client, record holders, each request's status and deadline, authorizations. */
@Controller
class CaseOverviewPage {

    private final CaseFileService cases;
    private final RecordRequestService requests;
    private final HipaaAuthorizationService authorizations;
    private final CaseAccess access;

    CaseOverviewPage(CaseFileService cases, RecordRequestService requests, HipaaAuthorizationService authorizations,
                     CaseAccess access) {
        this.cases = cases;
        this.access = access;
        this.requests = requests;
        this.authorizations = authorizations;
    }

    @GetMapping("/cases")
    String list(Model model) {
        model.addAttribute("cases", access.readable());
        return "retrieval/cases";
    }

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable long caseId, Model model) {
        model.addAttribute("caseFile", cases.get(caseId));
        model.addAttribute("holders", cases.holders(caseId));
        model.addAttribute("requests", requests.forCase(caseId));
        model.addAttribute("authorizations", authorizations.forCase(caseId));
        model.addAttribute("authorizationDefects", authorizations.needsAuthorization(caseId)
                ? authorizations.defects(caseId) : List.of());
        return "retrieval/case";
    }
}
