package org.recordflow.platform;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Lints, then deploys {@code processes/} and {@code forms/} as one deployment under stable names,
 * with duplicate filtering: an unchanged file keeps its version; a changed one gets a new version.
 * A broken model stops the start-up with a message naming the file, the element and the problem.
 */
@Component
class ProcessResourceDeployer extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);

    private final ApplicationContext context;
    private final String deploymentName;

    ProcessResourceDeployer(ApplicationContext context, @Value("${recordflow.deployment.name:recordflow}") String deploymentName) {
        this.context = context;
        this.deploymentName = deploymentName;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Map<String, byte[]> resources = ProcessResources.load();
        new ProcessModelLint(context::containsBean).verify(resources);
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(deploymentName)
                .source("recordflow")
                .enableDuplicateFiltering(true);
        resources.forEach((name, content) -> deployment.addInputStream(name, new ByteArrayInputStream(content)));
        Deployment deployed = deployment.deploy();
        log.info("Deployed {} process resources as deployment {}", resources.size(), deployed.getId());
    }
}
