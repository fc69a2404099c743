package org.recordflow.casefile;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Cases and their record holders, for integrations and our own pages. */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFileService cases;

    CaseController(CaseFileService cases) {
        this.cases = cases;
    }

    record CaseSummary(long id, String reference, String clientName, CaseType caseType, String stateCode,
                       String paralegalGroup, CasePhase phase) {
    }

    record CaseDetail(CaseFile caseFile, List<RecordHolder> recordHolders) {
    }

    @GetMapping
    List<CaseSummary> list() {
        return cases.all().stream()
                .map(c -> new CaseSummary(c.id(), c.reference(), c.clientName(), c.caseType(), c.stateCode(),
                        c.paralegalGroup(), c.phase()))
                .toList();
    }

    @GetMapping("/{caseId}")
    CaseDetail get(@PathVariable long caseId) {
        return new CaseDetail(cases.get(caseId), cases.holders(caseId));
    }
}
