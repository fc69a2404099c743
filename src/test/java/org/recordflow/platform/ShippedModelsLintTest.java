package org.recordflow.platform;

import org.recordflow.support.RecordflowSpringTest;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The shipped models against the real beans, and their deployment under stable names. */
@RecordflowSpringTest
class ShippedModelsLintTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessResourceDeployer deployer;

    @Test
    void everyDelegateAndExpressionBeanOfTheShippedModelsExists() {
        assertThat(new ProcessModelLint(context::containsBean).check(ProcessResources.load())).isEmpty();
    }

    @Test
    void everyProcessAndFormIsDeployedUnderItsFolderName() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle").latestVersion()
                .singleResult().getResourceName()).isEqualTo("processes/case-lifecycle.bpmn");
        String deploymentId = repository.createProcessDefinitionQuery().processDefinitionKey("case-lifecycle")
                .latestVersion().singleResult().getDeploymentId();
        assertThat(repository.getDeploymentResourceNames(deploymentId)).contains("forms/case-intake.form",
                "processes/record-request.bpmn");
    }

    @Test
    void redeployingUnchangedModelsCreatesNoNewVersion() {
        long definitions = repository.createProcessDefinitionQuery().count();
        long deployments = repository.createDeploymentQuery().count();

        deployer.postProcessEngineBuild(context.getBean(org.camunda.bpm.engine.ProcessEngine.class));

        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}
