package org.recordflow.casefile;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.FORBIDDEN)
public class CaseAccessDeniedException extends RuntimeException {

    CaseAccessDeniedException(CaseFile caseFile, CaseAccess.Need need) {
        super(switch (need) {
            case READ -> "Case " + caseFile.reference() + " belongs to group '" + caseFile.paralegalGroup()
                    + "'; you are not a member of it";
            case WORK -> "Only members of group '" + caseFile.paralegalGroup() + "' may change case " + caseFile.reference();
        });
    }

    /** Refused without a decision on the case, e.g. when it could not be found out. */
    CaseAccessDeniedException(String message) {
        super(message);
    }
}
