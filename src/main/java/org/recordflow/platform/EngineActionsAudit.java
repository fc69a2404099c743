package org.recordflow.platform;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts what people do in the engine that touches a case into Recordflow's audit trail, with the case
 * id: every user task a person completes (Tasklist, engine REST), whichever process it belongs to.
 * Camunda's own user operation log has the same completions without the case. The row is written in
 * the completion's transaction, so a refused or failed completion leaves none.
 */
@Component
class EngineActionsAudit extends AbstractProcessEnginePlugin {

    private final ObjectProvider<AuditTrail> audit;

    EngineActionsAudit(ObjectProvider<AuditTrail> audit) {
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        ParseListeners.addAfterEngine(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_COMPLETE, EngineActionsAudit.this::completed);
            }
        });
    }

    private void completed(DelegateTask task) {
        Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (user == null) {
            return; // the engine's own work (a job, a timer) is not a person's action
        }
        audit.getObject().recordEngineAction(user.getUserId(), "complete task " + task.getTaskDefinitionKey(),
                caseIdOf(task.getVariable("caseId")), "taskId=" + task.getId() + " processInstanceId=" + task.getProcessInstanceId());
    }

    static Long caseIdOf(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
