package org.recordflow.retrieval;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.recordflow.authorization.HipaaAuthorizationService;
import org.recordflow.casefile.CaseVariables;
import org.recordflow.platform.ProcessVariables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Used by authorization-watch.bpmn: at expiry the case's open requests pause, on renewal they
 * resume; each running record-request hears about it through a message.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationPauseDelegates {

    static final String AUTHORIZATION_EXPIRED = "AuthorizationExpired";
    static final String AUTHORIZATION_RENEWED = "AuthorizationRenewed";

    /** Pauses only when no usable authorization remains: one renewed meanwhile keeps requests going. */
    @Bean
    JavaDelegate pauseRequestsForExpiredAuthorization(RecordRequestService requests, HipaaAuthorizationService authorizations) {
        return execution -> {
            long caseId = ProcessVariables.id(execution, CaseVariables.CASE_ID);
            if (authorizations.defects(caseId).isEmpty()) {
                execution.setVariable("requestsPaused", 0);
                return;
            }
            int paused = requests.pauseOpenRequests(caseId);
            execution.setVariable("requestsPaused", paused);
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(AUTHORIZATION_EXPIRED)
                    .processInstanceBusinessKey(execution.getProcessBusinessKey()).correlateAll();
        };
    }

    @Bean
    JavaDelegate resumePausedRequests(RecordRequestService requests) {
        return execution -> {
            requests.resumePausedRequests(ProcessVariables.id(execution, CaseVariables.CASE_ID));
            execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(AUTHORIZATION_RENEWED)
                    .processInstanceBusinessKey(execution.getProcessBusinessKey()).correlateAll();
        };
    }
}
