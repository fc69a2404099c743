package org.recordflow.casefile;

import java.util.List;

import org.recordflow.platform.RecordflowGroups;
import org.recordflow.platform.SignedInUser;
import org.springframework.stereotype.Service;

/**
 * Who may see and work a case (README, "Who may do what"). A case belongs to its paralegal group:
 * the members of that group read and work it. Supervisors and attorneys read every case,
 * clinical reviewers the cases that have reached clinical review; administrators do everything.
 * Camunda's authorizations apply the same rule to the engine's tasks.
 */
@Service
public class CaseAccess {

    public enum Need {
        /** View the case, its requests, letters, authorizations and records. */
        READ,
        /** Change it: upload records, record extensions, revoke an authorization, override completeness. */
        WORK
    }

    private final CaseFileService cases;

    CaseAccess(CaseFileService cases) {
        this.cases = cases;
    }

    /** @throws CaseNotFoundException when there is no such case, {@link CaseAccessDeniedException} when the user may not */
    public CaseFile require(long caseId, Need need) {
        CaseFile caseFile = cases.get(caseId);
        SignedInUser user = SignedInUser.current();
        if (!allows(user, caseFile, need)) {
            throw new CaseAccessDeniedException(caseFile, need);
        }
        return caseFile;
    }

    /** The cases the signed-in user may read. */
    public List<CaseFile> readable() {
        SignedInUser user = SignedInUser.current();
        return cases.all().stream().filter(c -> allows(user, c, Need.READ)).toList();
    }

    static boolean allows(SignedInUser user, CaseFile caseFile, Need need) {
        if (user.isAdmin() || user.isIn(caseFile.paralegalGroup())) {
            return true;
        }
        if (need == Need.WORK) {
            return false;
        }
        return user.isIn(RecordflowGroups.SUPERVISORS) || user.isIn(RecordflowGroups.ATTORNEYS)
                || user.isIn(RecordflowGroups.REVIEWERS) && caseFile.phase().compareTo(CasePhase.CLINICAL_REVIEW) >= 0;
    }
}
