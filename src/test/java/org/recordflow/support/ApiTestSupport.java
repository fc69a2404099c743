package org.recordflow.support;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.recordflow.casefile.CaseLifecycleProcess.Phases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What tests that drive Recordflow over HTTP share: the REST client logged in as paula, the case
 * driver, the engine services to look behind the API, and a clock reset after each test.
 */
public abstract class ApiTestSupport {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected RuntimeService runtime;
    @Autowired
    protected TaskService tasks;
    @Autowired
    protected ManagementService management;

    protected RecordflowApiClient paula;
    protected CaseDriver cases;

    @BeforeEach
    void loginAsParalegal() {
        paula = new RecordflowApiClient(http, "paula", "demo");
        cases = new CaseDriver(paula);
    }

    /** Opens, confirms and signs a case with one holder; returns the holder's request process. */
    protected ProcessInstance requestInRetrieval(String state, Map<String, Object> holder, Object... overrides) {
        String reference = cases.open(IntakeForms.intake(state, List.of(holder), overrides));
        cases.confirmHolders(reference);
        if (!paula.tasks(Phases.COLLECT_SIGNED_AUTHORIZATION, reference).isEmpty()) {
            cases.signAuthorization(reference);
        }
        return runtime.createProcessInstanceQuery().processDefinitionKey(Phases.RECORD_REQUEST_KEY)
                .processInstanceBusinessKey(reference).singleResult();
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }
}
