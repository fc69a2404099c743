package org.recordflow.oversight;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.recordflow.oversight.OversightViews.TaskRow;
import org.recordflow.oversight.OversightViews.Workload;
import org.recordflow.oversight.OversightViews.WorkloadEntry;
import org.recordflow.platform.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Who has how much open work: Camunda's open tasks per assignee, and per candidate group for the tasks
 * nobody has claimed yet; open cases per paralegal group from the case files.
 */
@Service
public class WorkloadService {

    static final String USER = "user";
    static final String GROUP = "group";

    private final TaskService tasks;
    private final IdentityService identity;
    private final HistoryService history;
    private final OversightQueries queries;
    private final Clock clock;

    WorkloadService(TaskService tasks, IdentityService identity, HistoryService history, OversightQueries queries,
                    Clock clock) {
        this.tasks = tasks;
        this.identity = identity;
        this.history = history;
        this.queries = queries;
        this.clock = clock;
    }

    public Workload workload() {
        Map<String, List<Task>> byAssignee = new TreeMap<>();
        for (Task task : tasks.createTaskQuery().active().taskAssigned().list()) {
            byAssignee.computeIfAbsent(task.getAssignee(), user -> new ArrayList<>()).add(task);
        }
        List<WorkloadEntry> users = new ArrayList<>();
        byAssignee.forEach((user, open) -> users.add(entry(USER, user, open, null)));

        Map<String, Long> casesByGroup = queries.openCasesByParalegalGroup();
        Set<String> groupIds = new LinkedHashSet<>();
        identity.createGroupQuery().orderByGroupId().asc().list().stream().map(Group::getId).forEach(groupIds::add);
        groupIds.addAll(casesByGroup.keySet());
        List<WorkloadEntry> groups = new ArrayList<>();
        for (String group : groupIds) {
            List<Task> unclaimed = unclaimedTasksOf(group).list();
            Long cases = casesByGroup.get(group);
            if (!unclaimed.isEmpty() || cases != null) {
                groups.add(entry(GROUP, group, unclaimed, cases));
            }
        }
        Comparator<WorkloadEntry> busiestFirst = Comparator.comparingLong(WorkloadEntry::openTasks).reversed()
                .thenComparing(WorkloadEntry::id);
        users.sort(busiestFirst);
        groups.sort(busiestFirst);
        return new Workload(users, groups);
    }

    /** The open tasks behind a workload figure: a user's assigned tasks, or a group's unclaimed ones. */
    public List<TaskRow> openTasks(String assignee, String group) {
        boolean byUser = assignee != null && !assignee.isBlank();
        boolean byGroup = group != null && !group.isBlank();
        if (byUser == byGroup) {
            throw new InvalidInputException(List.of("assignee or group: give exactly one"));
        }
        TaskQuery query = byUser ? tasks.createTaskQuery().active().taskAssignee(assignee) : unclaimedTasksOf(group);
        List<Task> open = query.orderByTaskCreateTime().asc().list();
        Map<String, String> referenceByProcessInstance = businessKeys(open);
        Map<String, Long> caseIds = queries.caseIdsByReference(new LinkedHashSet<>(referenceByProcessInstance.values()));
        return open.stream().map(task -> {
            String reference = referenceByProcessInstance.get(task.getProcessInstanceId());
            return new TaskRow(task.getId(), task.getName(), task.getAssignee(), at(task.getCreateTime()),
                    at(task.getDueDate()), reference, reference == null ? null : caseIds.get(reference));
        }).toList();
    }

    private TaskQuery unclaimedTasksOf(String group) {
        return tasks.createTaskQuery().active().taskUnassigned().taskCandidateGroup(group);
    }

    private WorkloadEntry entry(String kind, String id, List<Task> open, Long openCases) {
        Task oldest = open.stream().min(Comparator.comparing(Task::getCreateTime)).orElse(null);
        return new WorkloadEntry(kind, id, open.size(), openCases, oldest == null ? null : at(oldest.getCreateTime()),
                oldest == null ? null : oldest.getId(), oldest == null ? null : oldest.getName());
    }

    /** Case references of the tasks' processes: every phase process carries the case reference as business key. */
    private Map<String, String> businessKeys(List<Task> open) {
        Set<String> ids = new LinkedHashSet<>();
        open.stream().map(Task::getProcessInstanceId).filter(id -> id != null).forEach(ids::add);
        Map<String, String> keys = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceIds(ids).list()) {
                if (instance.getBusinessKey() != null) {
                    keys.put(instance.getId(), instance.getBusinessKey());
                }
            }
        }
        return keys;
    }

    private OffsetDateTime at(Date date) {
        return date == null ? null : date.toInstant().atZone(clock.getZone()).toOffsetDateTime();
    }
}
