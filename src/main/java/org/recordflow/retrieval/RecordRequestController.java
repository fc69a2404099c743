package org.recordflow.retrieval;

import java.util.List;

import org.recordflow.casefile.CaseFileService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecordRequestController {

    private final RecordRequestService requests;
    private final CaseFileService cases;

    RecordRequestController(RecordRequestService requests, CaseFileService cases) {
        this.requests = requests;
        this.cases = cases;
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
}
