package org.recordflow.retrieval;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
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

    public DeadlineRule deadline(LegalBasis basis, String state, HolderType holderType) {
        DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey(DEADLINE_DECISION,
                Map.of("legalBasis", basis.name(), "state", state, "holderType", holderType.name()));
        DmnDecisionRuleResult row = result.getFirstResult();
        if (row == null) {
            throw new InvalidInputException("No deadline rule for a " + basis + " request in " + state + " to a "
                    + holderType + ": an analyst must add a row to request-deadline.dmn (or choose another legal basis)");
        }
        return new DeadlineRule(number(row, "dueDays"), DayCount.valueOf(row.getEntry("dayCount")),
                Boolean.TRUE.equals(row.getEntry("extensionAllowed")), number(row, "extensionDays"),
                number(row, "followUpDays"), row.getEntry("ruleSource"));
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

    private static int number(DmnDecisionRuleResult row, String name) {
        Object value = row.getEntry(name);
        return value == null ? 0 : ((Number) value).intValue();
    }
}
