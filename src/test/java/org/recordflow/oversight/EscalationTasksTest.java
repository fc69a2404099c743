package org.recordflow.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.recordflow.oversight.OversightViews.Escalation;
import org.recordflow.oversight.OversightViews.RequestRow;
import org.recordflow.support.ProcessEngineTests;

/** An escalated request links to the escalation task open in its process, and only to that kind of task. */
class EscalationTasksTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineTests.extension();

    ProcessEngine processEngine;
    String deploymentId;

    @BeforeEach
    void deployProcessesWaitingAtATask() {
        deploymentId = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("escalating.bpmn", waitingAt("escalating", "Task_EscalateToAttorney"))
                .addModelInstance("chasing.bpmn", waitingAt("chasing", "Task_FollowUpByHand"))
                .deploy().getId();
    }

    @AfterEach
    void removeThem() {
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void escalationTaskOfTheRequestsProcessIsAttached() {
        ProcessInstance escalating = processEngine.getRuntimeService().startProcessInstanceByKey("escalating");
        ProcessInstance chasing = processEngine.getRuntimeService().startProcessInstanceByKey("chasing");
        TaskService tasks = processEngine.getTaskService();
        String escalationTask = tasks.createTaskQuery().processInstanceId(escalating.getId()).singleResult().getId();
        tasks.setAssignee(escalationTask, "alex");

        List<Escalation> escalations = new EscalationTasks(tasks).attachOpenTasks(List.of(
                request(1, escalating.getId()), request(2, chasing.getId()), request(3, null)));

        assertThat(escalations).extracting(Escalation::taskId).containsExactly(escalationTask, null, null);
        assertThat(escalations.get(0).taskName()).isEqualTo("Task_EscalateToAttorney work");
        assertThat(escalations.get(0).taskAssignee()).isEqualTo("alex");
        assertThat(escalations).extracting(e -> e.request().requestId()).containsExactly(1L, 2L, 3L);
    }

    private static org.camunda.bpm.model.bpmn.BpmnModelInstance waitingAt(String key, String taskId) {
        return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                .userTask(taskId).name(taskId + " work").endEvent().done();
    }

    private static RequestRow request(long id, String processInstanceId) {
        LocalDate due = LocalDate.of(2026, 6, 1);
        return new RequestRow(id, 7, "RF-7", "Client", "Holder", "MEDICAL_RECORDS", "SENT", due.minusDays(30),
                due.minusDays(30), due, due.plusDays(1), 2, false, processInstanceId);
    }
}
