package org.recordflow.support;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The engine-only test engine (in-memory H2, mock expression manager) shared by process tests. */
public final class ProcessEngineTests {

    private ProcessEngineTests() {
    }

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().configurationResource("process-test.camunda.cfg.xml").build();
    }
}
