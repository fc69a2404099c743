package org.recordflow.casefile;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;


import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.recordflow.platform.ParseListeners;
import org.springframework.stereotype.Component;

/**
 * Lets a case's paralegal group read the case's process instances (the case and each of its phases
 * and record requests) while they run: Tasklist shows a task's case, client and record holder from
 * those variables. Granted when an instance starts with {@code paralegalGroup} set (the case process
 * itself once the case is opened), withdrawn when it ends.
 */
@Component
class CaseTeamAuthorizations extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                processDefinition.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) CaseTeamAuthorizations::grantOnStart);
                processDefinition.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) CaseTeamAuthorizations::withdrawOnEnd);
            }
        });
    }

    private static void grantOnStart(DelegateExecution execution) {
        Object group = execution.getVariable(CaseVariables.PARALEGAL_GROUP);
        if (group instanceof String groupId && !groupId.isBlank()) {
            grantRead(execution.getProcessEngineServices().getAuthorizationService(), execution.getProcessInstanceId(), groupId);
        }
    }

    private static void withdrawOnEnd(DelegateExecution execution) {
        AuthorizationService authorizations = execution.getProcessEngineServices().getAuthorizationService();
        withoutAuthorizationChecks(() -> authorizations.createAuthorizationQuery()
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(execution.getProcessInstanceId()).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId())));
    }

    /**
     * Also called when the case process learns its group, after its start (see {@link OpenCaseDelegate}).
     * The user whose action started the instance may not grant anything; the engine does it for them.
     */
    static void grantRead(AuthorizationService authorizations, String processInstanceId, String groupId) {
        withoutAuthorizationChecks(() -> grant(authorizations, processInstanceId, groupId));
    }

    private static void withoutAuthorizationChecks(Runnable work) {
        Context.getCommandContext().runWithoutAuthorization(() -> {
            work.run();
            return null;
        });
    }

    private static void grant(AuthorizationService authorizations, String processInstanceId, String groupId) {
        if (authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId)
                .groupIdIn(groupId).count() > 0) {
            return;
        }
        Authorization read = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        read.setGroupId(groupId);
        read.setResource(Resources.PROCESS_INSTANCE);
        read.setResourceId(processInstanceId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
