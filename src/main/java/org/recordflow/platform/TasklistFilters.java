package org.recordflow.platform;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The filters a paralegal finds in Tasklist on first login, each showing the case and record holder
 * of a task. Created when no filter of that name exists, so an admin's edits are kept.
 */
@Component
@Order(2)
class TasklistFilters implements ApplicationRunner {

    static final String MY_GROUPS = "My group's tasks";
    static final String MY_TASKS = "My tasks";
    static final String OVERDUE = "Overdue";
    static final String ESCALATIONS = "Escalations";

    private static final List<Map<String, String>> TASK_VARIABLES = List.of(
            Map.of("name", "caseReference", "label", "Case"),
            Map.of("name", "clientName", "label", "Client"),
            Map.of("name", "holderName", "label", "Record holder"),
            Map.of("name", "recordType", "label", "Records"));

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(MY_GROUPS, -10, "Open tasks of my groups, earliest due first", "#2f6f9f",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc());
        ensure(MY_TASKS, -5, "Tasks I have claimed, earliest due first", "#3c8d5a",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensure(OVERDUE, 0, "Past their due date, in my groups", "#b03a2e",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .dueBeforeExpression("${now()}").orderByDueDate().asc());
        ensure(ESCALATIONS, 5, "Requests past their legal deadline, for supervisors and attorneys", "#c27c0e",
                tasks.createTaskQuery().taskDefinitionKeyLike("Task_Escalate%").orderByDueDate().asc());
    }

    private void ensure(String name, int priority, String description, String color, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name);
        filter.setQuery(query);
        filter.setProperties(Map.of(
                "priority", priority,
                "description", description,
                "color", color,
                "refresh", true,
                "variables", TASK_VARIABLES));
        filters.saveFilter(filter);
    }
}
