package org.recordflow.retrieval;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.ReleaseRoute;
import org.recordflow.platform.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The rules analysts maintain in Camunda Modeler: {@code request-deadline.dmn} and
 * {@code request-routing.dmn}. A case no row covers is an error, never a silent default.
 */
@Component
public class RequestRules {

    static final String DEADLINE_DECISION = "request-deadline";
    static final String ROUTING_DECISION = "request-routing";

    private final DecisionService decisions;

    RequestRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    public record Routing(String department, String addressee) {
    }

    /** The deadline rule for these facts; the holder's state, not the case's, chooses it. */
    public DeadlineRule deadline(DeadlineFacts facts) {
        return deadline(decisions.evaluateDecisionByKey(DEADLINE_DECISION).variables(facts.variables()).evaluate(), facts);
    }

    /** The rule a decision result holds (as record-request.bpmn's business rule task evaluates it), or a clear error. */
    static DeadlineRule deadline(DmnDecisionResult result, DeadlineFacts facts) {
        DmnDecisionResultEntries row = result.getFirstResult();
        if (row == null) {
            throw new InvalidInputException("No deadline rule for a " + facts.describe()
                    + ": an analyst must add a row to request-deadline.dmn (or choose another legal basis)");
        }
        return DeadlineRule.of(row.getEntryMap());
    }

    public Routing routing(HolderType holderType, RecordType recordType, ReleaseRoute releasedVia) {
        DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey(ROUTING_DECISION,
                Map.of("holderType", holderType.name(), "recordType", recordType.name(), "releasedVia", releasedVia.name()));
        DmnDecisionRuleResult row = result.getFirstResult();
        if (row == null) {
            throw new InvalidInputException("No routing rule for " + recordType + " from a " + holderType
                    + " releasing through " + releasedVia + ": an analyst must add a row to request-routing.dmn");
        }
        return new Routing(row.getEntry("department"), row.getEntry("addressee"));
    }
}
