package org.recordflow.authorization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.CurrentUser;
import org.recordflow.platform.Markdown;
import org.recordflow.platform.ProcessVariables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The process adapters of authorization.bpmn and authorization-watch.bpmn. */
@Configuration(proxyBeanMethods = false)
class AuthorizationDelegates {

    static final String WATCH_PROCESS = "authorization-watch";

    /** Generates the drafts the case needs and lists their PDFs on the signing task. */
    @Bean
    JavaDelegate prepareAuthorizations(HipaaAuthorizationService authorizations) {
        return execution -> {
            long caseId = ProcessVariables.id(execution, CaseVariables.CASE_ID);
            boolean needed = authorizations.needsAuthorization(caseId);
            execution.setVariable(AuthorizationVariables.AUTHORIZATION_NEEDED, needed);
            if (needed) {
                List<HipaaAuthorization> drafts = authorizations.prepare(caseId, CurrentUser.of(execution));
                execution.setVariable(AuthorizationVariables.AUTHORIZATION_DOCUMENTS, drafts.stream()
                        .map(d -> "- " + Markdown.link(AuthorizationDocument.title(d.scope()), "/authorizations/" + d.id() + "/pdf"))
                        .collect(Collectors.joining("\n")));
            }
        };
    }

    @Bean
    JavaDelegate recordSignedAuthorization(HipaaAuthorizationService authorizations) {
        return recordingSignature(authorizations::recordSigned);
    }

    @Bean
    JavaDelegate recordRenewedAuthorization(HipaaAuthorizationService authorizations) {
        return recordingSignature(authorizations::renew);
    }

    interface SignatureRecorder {
        List<HipaaAuthorization> record(long caseId, Signature signature, String recordedBy);
    }

    private static JavaDelegate recordingSignature(SignatureRecorder recorder) {
        return execution -> {
            List<HipaaAuthorization> recorded = recorder.record(ProcessVariables.id(execution, CaseVariables.CASE_ID),
                    AuthorizationVariables.signature(execution), CurrentUser.of(execution));
            execution.setVariable(AuthorizationVariables.EXPIRES_ON, recorded.get(0).expiresOn().toString());
        };
    }

    @Bean
    JavaDelegate markAuthorizationExpired(HipaaAuthorizationService authorizations) {
        return execution -> authorizations.markExpired(ProcessVariables.id(execution, CaseVariables.CASE_ID));
    }

    /**
     * Starts the expiry watch of the case's authorizations: a renewal task some days before the
     * earliest expiration, and a pause of open requests at expiry. A case has one watch: the one
     * for the authorizations this renewal replaced is cancelled.
     */
    @Bean
    JavaDelegate startAuthorizationWatch(HipaaAuthorizationService authorizations, Clock clock,
                                         @Value("${recordflow.authorization.renewal-lead-days:30}") int leadDays) {
        return execution -> {
            long caseId = ProcessVariables.id(execution, CaseVariables.CASE_ID);
            LocalDate expiresOn = authorizations.forCase(caseId).stream()
                    .filter(a -> a.status() == AuthorizationStatus.ACTIVE)
                    .map(HipaaAuthorization::expiresOn).min(Comparator.naturalOrder())
                    .orElseThrow(() -> new IllegalStateException("No active authorization to watch on case " + caseId));
            RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
            runtime.createProcessInstanceQuery().processDefinitionKey(WATCH_PROCESS)
                    .processInstanceBusinessKey(execution.getProcessBusinessKey()).list().stream()
                    .filter(watch -> !watch.getId().equals(execution.getProcessInstanceId()))
                    .forEach(watch -> runtime.deleteProcessInstance(watch.getId(), "superseded by a renewed authorization"));
            runtime.createMessageCorrelation(AuthorizationVariables.WATCH_MESSAGE)
                    .processInstanceBusinessKey(execution.getProcessBusinessKey())
                    .setVariables(Variables.createVariables()
                            .putValue(CaseVariables.CASE_ID, caseId)
                            .putValue(CaseVariables.CASE_REFERENCE, execution.getVariable(CaseVariables.CASE_REFERENCE))
                            .putValue(CaseVariables.CLIENT_NAME, execution.getVariable(CaseVariables.CLIENT_NAME))
                            .putValue(CaseVariables.PARALEGAL_GROUP, execution.getVariable(CaseVariables.PARALEGAL_GROUP))
                            .putValue(AuthorizationVariables.EXPIRES_ON, expiresOn.toString())
                            .putValue(AuthorizationVariables.RENEWAL_DUE_AT, startOf(expiresOn.minusDays(leadDays), clock))
                            .putValue(AuthorizationVariables.EXPIRES_AT, startOf(expiresOn, clock)))
                    .correlateStartMessage();
        };
    }

    private static Date startOf(LocalDate day, Clock clock) {
        return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
