package org.recordflow.review;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.CurrentUser;
import org.recordflow.platform.InvalidInputException;
import org.recordflow.platform.ProcessVariables;
import org.springframework.stereotype.Component;

@Component("recordClinicalReview")
class RecordClinicalReviewDelegate implements JavaDelegate {

    private final ClinicalReviewService reviews;

    RecordClinicalReviewDelegate(ClinicalReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.record(ProcessVariables.id(execution, CaseVariables.CASE_ID),
                ProcessVariables.text(execution, "reviewSummary"),
                flags(ProcessVariables.text(execution, "flagsRaised")),
                CurrentUser.of(execution));
    }

    private static int flags(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return (int) Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("Flags raised '" + value + "' is not a number");
        }
    }
}
