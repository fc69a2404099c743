package org.recordflow.casefile;

import org.recordflow.support.RecordflowSpringTest;
import org.recordflow.support.EmbeddedPostgresConfiguration;
import org.springframework.context.annotation.Import;

@RecordflowSpringTest
@Import(EmbeddedPostgresConfiguration.class)
class OpenCaseOnPostgresTest extends OpenCaseThroughApiContract {
}
