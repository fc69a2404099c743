package org.recordflow.authorization;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** What a state adds to an authorization, from {@code authorization-state-rules.dmn}. */
@Component
class StateAuthorizationRules {

    static final String DECISION = "authorization-state-rules";

    record Rules(int minimumFontSize, boolean specificExpirationDateRequired, int defaultValidityDays, String stateNote) {
    }

    private final DecisionService decisions;

    StateAuthorizationRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    Rules forState(String state) {
        DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(DECISION, Map.of("state", state)).getFirstResult();
        if (row == null) {
            throw new IllegalStateException("authorization-state-rules.dmn has no row for " + state + " and no default row");
        }
        return new Rules(((Number) row.getEntry("minimumFontSize")).intValue(),
                Boolean.TRUE.equals(row.getEntry("specificExpirationDateRequired")),
                ((Number) row.getEntry("defaultValidityDays")).intValue(), row.getEntry("stateNote"));
    }
}
