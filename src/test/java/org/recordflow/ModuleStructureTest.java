package org.recordflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** One module per lifecycle phase; modules use each other's public API only, without cycles. */
class ModuleStructureTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(RecordflowApplication.class).verify();
    }
}
