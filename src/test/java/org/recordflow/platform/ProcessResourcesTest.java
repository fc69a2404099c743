package org.recordflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessResourcesTest {

    @Test
    void nameIsTheSameFromTheJarAndFromTargetClasses() {
        assertThat(ProcessResources.stableName("file:/work/recordflow/target/classes/processes/intake.bpmn", "processes/"))
                .isEqualTo("processes/intake.bpmn");
        assertThat(ProcessResources.stableName(
                "jar:nested:/opt/recordflow.jar/!BOOT-INF/classes/!/processes/intake.bpmn", "processes/"))
                .isEqualTo("processes/intake.bpmn");
        assertThat(ProcessResources.stableName("file:/srv/processes/app/target/classes/forms/case-intake.form", "forms/"))
                .isEqualTo("forms/case-intake.form");
    }

    @Test
    void resourceOutsideItsFolderIsRefused() {
        assertThatThrownBy(() -> ProcessResources.stableName("file:/tmp/intake.bpmn", "processes/"))
                .hasMessageContaining("is not inside a 'processes/' folder");
    }
}
