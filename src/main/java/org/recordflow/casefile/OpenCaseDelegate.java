package org.recordflow.casefile;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.platform.AuditTrail;
import org.recordflow.platform.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Saves the case submitted on the intake start form. The date of birth and the holder list then
 * leave the process: they live in our tables, and process variables stay small.
 */
@Component("openCase")
class OpenCaseDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(OpenCaseDelegate.class);

    private final CaseFileService cases;
    private final ObjectMapper json;
    private final AuditTrail audit;

    OpenCaseDelegate(CaseFileService cases, ObjectMapper json, AuditTrail audit) {
        this.cases = cases;
        this.json = json;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseOpening opening = CaseOpeningVariables.read(execution, json);
        Object submittedGroup = execution.getVariable(CaseVariables.PARALEGAL_GROUP);
        var opened = cases.open(opening, CurrentUser.of(execution), execution.getProcessInstanceId());

        execution.setProcessBusinessKey(opened.reference());
        execution.setVariable(CaseVariables.CASE_ID, opened.caseId());
        execution.setVariable(CaseVariables.CASE_REFERENCE, opened.reference());
        if (!opened.paralegalGroup().equals(submittedGroup)) {
            // the group was left for Recordflow to choose: the start already granted the submitted one, if any
            execution.setVariable(CaseVariables.PARALEGAL_GROUP, opened.paralegalGroup());
            CaseTeamAuthorizations.grantRead(execution.getProcessEngineServices().getAuthorizationService(),
                    execution.getProcessInstanceId(), opened.paralegalGroup());
        }
        execution.setVariable(CaseOpeningVariables.CLIENT_NAME, opening.clientName().strip());
        execution.setVariable(CaseOpeningVariables.STATE, opening.stateCode());
        execution.removeVariable(CaseOpeningVariables.CLIENT_DATE_OF_BIRTH);
        execution.removeVariable(CaseOpeningVariables.RECORD_HOLDERS);
        String openedBy = CurrentUser.of(execution);
        if (openedBy != null) {
            audit.recordEngineAction(openedBy, "open case " + opened.reference(), opened.caseId(),
                    "processInstanceId=" + execution.getProcessInstanceId());
        }
        // Identifiers only: names and dates of birth never go to the log
        log.info("Opened case {} with {} record holder(s)", opened.reference(), opening.recordHolders().size());
    }
}
