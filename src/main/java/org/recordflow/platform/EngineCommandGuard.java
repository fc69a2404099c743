package org.recordflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Engine-side rules for what people (not the engine, not Recordflow's own services) may ask the
 * engine to do, whichever door they come through: engine REST, Tasklist, Cockpit. Checked on the
 * engine's parsed command, never on a URL, and only for the command a user sent (the commands the
 * process runs on its behalf are the process's own).
 * <ul>
 * <li><b>Only administrators change the shape of a running case</b>: start instructions
 * (start before or after an activity, with or without listeners and mappings), instance
 * modification, restart, migration, message correlation, signals and conditional starts. Phases
 * move by the process alone; {@code CasePhases} also refuses a phase a case has not reached.</li>
 * <li><b>People write only the fields of the form in front of them</b>: starting a process or
 * completing, resolving or setting variables of a task takes only the keys of the start or task
 * form deployed for it. So no one redirects a case by sending {@code caseId} or
 * {@code paralegalGroup} with a completion; execution variables are never written by people.</li>
 * <li><b>Comments are work</b>: a task comment needs the right to work the task (a supervisor's read
 * access does not do), and process-instance comments are for administrators.</li>
 * </ul>
 * Administrators (engine admin groups and users) keep every power Camunda gives them.
 */
@Component
class EngineCommandGuard extends AbstractProcessEnginePlugin {

    /** Commands that restructure running instances or fire events into them: administrators only. */
    static final List<Class<?>> ADMINISTRATORS_ONLY = List.of(
            StartProcessInstanceAtActivitiesCmd.class, ModifyProcessInstanceCmd.class,
            ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
            ProcessInstanceModificationBatchCmd.class, AbstractModificationCmd.class,
            AbstractRestartProcessInstanceCmd.class, AbstractMigrationCmd.class, CreateMigrationPlanCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class, SetExecutionVariablesCmd.class,
            PatchExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class,
            AbstractCorrelateMessageCmd.class, MessageEventReceivedCmd.class, SignalEventReceivedCmd.class,
            SignalCmd.class, EvaluateStartConditionCmd.class, DeleteProcessInstanceCommentCmd.class);

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // one interceptor per chain: each holds its own next link
        configuration.setCustomPreCommandInterceptorsTxRequired(
                append(configuration.getCustomPreCommandInterceptorsTxRequired(), new Guard(configuration)));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(
                append(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), new Guard(configuration)));
    }

    private static List<CommandInterceptor> append(List<CommandInterceptor> interceptors, CommandInterceptor interceptor) {
        List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        all.add(interceptor);
        return all;
    }

    private final class Guard extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl engine;

        Guard(ProcessEngineConfigurationImpl engine) {
            this.engine = engine;
        }

        @Override
        public <T> T execute(Command<T> command) {
            // Before the command context exists: a command already running (a delegate's call, a
            // listener's) is the process's own and passes.
            Authentication user = engine.getIdentityService().getCurrentAuthentication();
            if (Context.getCommandContext() == null && user != null && !isAdministrator(user)) {
                check(command, user);
            }
            return next.execute(command);
        }

        private boolean isAdministrator(Authentication user) {
            List<String> adminGroups = engine.getAdminGroups() == null ? List.of() : engine.getAdminGroups();
            List<String> adminUsers = engine.getAdminUsers() == null ? List.of() : engine.getAdminUsers();
            return adminUsers.contains(user.getUserId())
                    || user.getGroupIds() != null && user.getGroupIds().stream().anyMatch(adminGroups::contains);
        }

        private void check(Command<?> command, Authentication user) {
            Class<?> type = command.getClass();
            if (ADMINISTRATORS_ONLY.stream().anyMatch(restricted -> restricted.isAssignableFrom(type))) {
                throw refused(user, "only an administrator may " + describe(type));
            }
            if (command instanceof StartProcessInstanceCmd start) {
                ProcessInstantiationBuilderImpl builder = field(start, "instantiationBuilder", ProcessInstantiationBuilderImpl.class);
                onlyFormFields(user, builder.getVariables().keySet(), startFormKeys(builder));
            } else if (command instanceof SubmitStartFormCmd submit) {
                onlyFormFields(user, variableNames(field(submit, "variables", Map.class)),
                        startFormKeys(field(submit, "processDefinitionId", String.class)));
            } else if (command instanceof CompleteTaskCmd complete) { // also ResolveTaskCmd
                onlyTaskFormFields(user, field(complete, "taskId", String.class), variableNames(field(complete, "variables", Map.class)));
            } else if (command instanceof SubmitTaskFormCmd submit) {
                onlyTaskFormFields(user, field(submit, "taskId", String.class), variableNames(field(submit, "properties", Map.class)));
            } else if (command instanceof AbstractSetVariableCmd set) { // task variables; execution ones are refused above
                onlyTaskFormFields(user, field(set, "entityId", String.class), variableNames(field(set, "variables", Map.class)));
            } else if (command instanceof AbstractPatchVariablesCmd patch) {
                Set<String> names = new TreeSet<>(variableNames(field(patch, "variables", Map.class)));
                names.addAll(strings(field(patch, "deletions", Collection.class)));
                onlyTaskFormFields(user, field(patch, "entityId", String.class), names);
            } else if (command instanceof AbstractRemoveVariableCmd remove) {
                onlyTaskFormFields(user, field(remove, "entityId", String.class), strings(field(remove, "variableNames", Collection.class)));
            } else if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd || command instanceof DeleteTaskCommentCmd) {
                String taskId = field(command, "taskId", String.class);
                if (taskId == null || !mayWork(user, taskId)) {
                    throw refused(user, "only those who may work a task comment on it");
                }
            }
        }

        private boolean mayWork(Authentication user, String taskId) {
            var authorizations = engine.getAuthorizationService();
            return authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), TaskPermissions.TASK_WORK, Resources.TASK, taskId)
                    || authorizations.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.UPDATE, Resources.TASK, taskId);
        }

        private void onlyTaskFormFields(Authentication user, String taskId, Collection<String> names) {
            if (names.isEmpty()) {
                return;
            }
            onlyFormFields(user, names, formKeys(engine.getFormService().getDeployedTaskForm(taskId)));
        }

        private Set<String> startFormKeys(ProcessInstantiationBuilderImpl builder) {
            String definitionId = builder.getProcessDefinitionId();
            if (definitionId == null) {
                ProcessDefinition latest = engine.getRepositoryService().createProcessDefinitionQuery()
                        .processDefinitionKey(builder.getProcessDefinitionKey()).latestVersion().singleResult();
                if (latest == null) {
                    return Set.of(); // the engine answers "no such process" itself
                }
                definitionId = latest.getId();
            }
            return startFormKeys(definitionId);
        }

        private Set<String> startFormKeys(String processDefinitionId) {
            try {
                return formKeys(engine.getFormService().getDeployedStartForm(processDefinitionId));
            } catch (ProcessEngineException noCamundaForm) {
                return Set.of();
            }
        }
    }

    private void onlyFormFields(Authentication user, Collection<String> names, Set<String> allowed) {
        List<String> foreign = names.stream().filter(name -> !allowed.contains(name)).sorted().toList();
        if (!foreign.isEmpty()) {
            throw refused(user, "these variables are not fields of the form: " + String.join(", ", foreign));
        }
    }

    /** The keys (and list paths) of a Camunda Form's input fields, at any depth. */
    Set<String> formKeys(InputStream form) {
        try (form) {
            Set<String> keys = new TreeSet<>();
            collectKeys(json.readTree(form), keys);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collectKeys(JsonNode node, Set<String> keys) {
        for (JsonNode component : node.path("components")) {
            if (component.hasNonNull("key")) {
                keys.add(component.get("key").asText());
            }
            if (component.hasNonNull("path") && !component.get("path").asText().isBlank()) {
                keys.add(component.get("path").asText());
            }
            collectKeys(component, keys);
        }
    }

    private static AuthorizationException refused(Authentication user, String reason) {
        return new AuthorizationException("User '%s' may not do this: %s".formatted(user.getUserId(), reason));
    }

    private static String describe(Class<?> command) {
        String name = command.getSimpleName().replaceAll("Cmd$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return name.replace("start process instance at activities", "start a process at chosen activities (start instructions)");
    }

    private static Collection<String> variableNames(Map<?, ?> variables) {
        return variables == null ? List.of() : strings(variables.keySet());
    }

    private static Collection<String> strings(Collection<?> values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    private static <T> T field(Object command, String name, Class<T> type) {
        for (Class<?> c = command.getClass(); c != Object.class; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return type.cast(field.get(command));
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        // fail closed: an engine upgrade that renames the field must not open the door
        throw new AuthorizationException("Recordflow cannot check " + command.getClass().getSimpleName() + "; refused");
    }
}
