package org.recordflow.oversight;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.recordflow.oversight.OversightViews.Escalation;
import org.recordflow.oversight.OversightViews.RequestRow;
import org.springframework.stereotype.Component;

/** Finds the open escalation task (to a supervisor or an attorney) of each escalated request's process. */
@Component
class EscalationTasks {

    /** The escalation user tasks of record-request.bpmn. */
    static final List<String> TASK_DEFINITION_KEYS = List.of("Task_EscalateToSupervisor", "Task_EscalateToAttorney");

    private final TaskService tasks;

    EscalationTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    List<Escalation> attachOpenTasks(List<RequestRow> escalated) {
        String[] processInstanceIds = escalated.stream().map(RequestRow::processInstanceId).filter(Objects::nonNull)
                .distinct().toArray(String[]::new);
        Map<String, Task> taskByProcessInstance = processInstanceIds.length == 0 ? Map.of()
                : tasks.createTaskQuery().processInstanceIdIn(processInstanceIds)
                        .taskDefinitionKeyIn(TASK_DEFINITION_KEYS.toArray(String[]::new)).active()
                        .orderByTaskCreateTime().asc().list().stream()
                        .collect(Collectors.toMap(Task::getProcessInstanceId, Function.identity(), (first, later) -> first));
        return escalated.stream().map(request -> {
            Task task = request.processInstanceId() == null ? null : taskByProcessInstance.get(request.processInstanceId());
            return task == null ? new Escalation(request, null, null, null)
                    : new Escalation(request, task.getId(), task.getName(), task.getAssignee());
        }).toList();
    }
}
