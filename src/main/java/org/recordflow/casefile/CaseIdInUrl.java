package org.recordflow.casefile;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** {@code {caseId}} in our URLs. */
@Component
class CaseIdInUrl implements CaseScopedId {

    private final CaseFileRepository cases;

    CaseIdInUrl(CaseFileRepository cases) {
        this.cases = cases;
    }

    @Override
    public String pathVariable() {
        return "caseId";
    }

    @Override
    public Optional<Long> caseOf(long id) {
        return cases.find(id).map(CaseFile::id);
    }
}
