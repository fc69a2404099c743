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
    private final CaseAccess access;

    CaseController(CaseFileService cases, CaseAccess access) {
        this.cases = cases;
        this.access = access;
    }

    record CaseSummary(long id, String reference, String clientName, CaseType caseType, String stateCode,
                       String paralegalGroup, CasePhase phase) {
    }

    record CaseDetail(CaseFile caseFile, List<RecordHolder> recordHolders) {
    }

    /** The cases the caller may read. */
    @GetMapping
    List<CaseSummary> list() {
        return access.readable().stream()
                .map(c -> new CaseSummary(c.id(), c.reference(), c.clientName(), c.caseType(), c.stateCode(),
                        c.paralegalGroup(), c.phase()))
                .toList();
    }

    @GetMapping("/{caseId}")
    CaseDetail get(@PathVariable long caseId) {
        return new CaseDetail(cases.get(caseId), cases.holders(caseId));
    }
}
