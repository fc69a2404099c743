package org.recordflow.records;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.RecordType;
import org.springframework.stereotype.Component;

/** The record categories a holder should produce, from {@code processes/expected-records.dmn}. */
@Component
class ExpectedRecords {

    static final String DECISION_KEY = "expected-records";

    private final DecisionService decisions;

    ExpectedRecords(DecisionService decisions) {
        this.decisions = decisions;
    }

    List<String> categories(HolderType holderType, RecordType recordType) {
        return decisions.evaluateDecisionTableByKey(DECISION_KEY)
                .variables(Map.of("holderType", holderType.name(), "recordType", recordType.name()))
                .evaluate()
                .<String>collectEntries("category")
                .stream().distinct().toList();
    }
}
