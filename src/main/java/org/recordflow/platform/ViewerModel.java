package org.recordflow.platform;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the signed-in user may open, for every page's navigation: a paralegal is not offered
 * Cockpit, Oversight or Admin, which would only answer "no access".
 */
@ControllerAdvice
class ViewerModel {

    record Viewer(String id, boolean cockpit, boolean oversight, boolean admin) {
    }

    /** Null for anonymous requests. */
    @ModelAttribute("viewer")
    Viewer viewer() {
        return SignedInUser.ifSignedIn().map(user -> {
            boolean supervises = user.isIn(RecordflowGroups.SUPERVISORS) || user.isAdmin();
            return new Viewer(user.id(), supervises, supervises, user.isAdmin());
        }).orElse(null);
    }
}
