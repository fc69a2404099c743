package org.recordflow.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine settings the starter's properties do not reach. */
@Component
class EngineConfigurationPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> adminGroups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups());
        if (!adminGroups.contains(RecordflowGroups.ADMINS)) {
            adminGroups.add(RecordflowGroups.ADMINS);
        }
        configuration.setAdminGroups(adminGroups);
    }
}
