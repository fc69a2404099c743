package org.recordflow.platform;

import org.recordflow.support.RecordflowSpringTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RecordflowSpringTest
class TasklistFiltersTest {

    @Autowired
    FilterService filters;
    @Autowired
    TasklistFilters tasklistFilters;

    @Test
    void tasklistOffersGroupMineOverdueAndEscalationFilters() {
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                .contains(TasklistFilters.MY_GROUPS, TasklistFilters.MY_TASKS, TasklistFilters.OVERDUE, TasklistFilters.ESCALATIONS);
        Filter overdue = filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
        assertThat(overdue.getProperties()).containsKey("variables");
        TaskQuery query = overdue.getQuery();
        assertThat(query).extracting("expressions").asString().contains("dueBefore").contains("${now()}");
    }

    @Test
    void restartingDoesNotDuplicateFilters() throws Exception {
        long before = filters.createFilterQuery().count();
        tasklistFilters.run(null);
        assertThat(filters.createFilterQuery().count()).isEqualTo(before);
    }
}
