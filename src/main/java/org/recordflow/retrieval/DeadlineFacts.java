package org.recordflow.retrieval;

import java.util.Map;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.recordflow.casefile.CaseFile;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.LegalBasis;
import org.recordflow.casefile.RecordHolder;
import org.recordflow.casefile.RecordType;
import org.recordflow.platform.ProcessVariables;

/**
 * The inputs of {@code request-deadline.dmn}: what a request's deadline rule depends on. The same
 * names are the process variables record-request.bpmn's business rule task reads.
 */
public record DeadlineFacts(LegalBasis legalBasis, String holderState, HolderType holderType, RecordType recordType,
                            boolean actionFiled, boolean defendantAppeared) {

    static final String LEGAL_BASIS = "legalBasis";
    static final String HOLDER_STATE = "holderState";
    static final String HOLDER_TYPE = "holderType";
    static final String RECORD_TYPE = "requestedRecordType";
    static final String ACTION_FILED = "actionFiled";
    static final String DEFENDANT_APPEARED = "defendantAppeared";

    /** The holder's own state decides; the case supplies the basis and the litigation facts. */
    static DeadlineFacts of(CaseFile caseFile, RecordHolder holder, RecordType recordType) {
        return new DeadlineFacts(caseFile.legalBasis(), holder.stateCode() != null ? holder.stateCode() : caseFile.stateCode(),
                holder.holderType(), recordType, caseFile.actionFiled(), caseFile.defendantAppeared());
    }

    static DeadlineFacts of(VariableScope scope) {
        return new DeadlineFacts(LegalBasis.valueOf(ProcessVariables.text(scope, LEGAL_BASIS)),
                ProcessVariables.text(scope, HOLDER_STATE), HolderType.valueOf(ProcessVariables.text(scope, HOLDER_TYPE)),
                RecordType.valueOf(ProcessVariables.text(scope, RECORD_TYPE)), ProcessVariables.flag(scope, ACTION_FILED),
                ProcessVariables.flag(scope, DEFENDANT_APPEARED));
    }

    Map<String, Object> variables() {
        return Map.of(LEGAL_BASIS, legalBasis.name(), HOLDER_STATE, holderState, HOLDER_TYPE, holderType.name(),
                RECORD_TYPE, recordType.name(), ACTION_FILED, actionFiled, DEFENDANT_APPEARED, defendantAppeared);
    }

    /** "AUTHORIZATION request in WA to a HOSPITAL (medical records, action filed)", for messages. */
    String describe() {
        return legalBasis + " request in " + holderState + " to a " + holderType + " (" + recordType.label().toLowerCase(java.util.Locale.ROOT)
                + (actionFiled ? ", action filed" : "") + (defendantAppeared ? ", a defendant appeared" : "") + ")";
    }
}
