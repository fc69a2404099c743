package org.recordflow.oversight;

import org.recordflow.support.EmbeddedPostgresConfiguration;
import org.recordflow.support.RecordflowSpringTest;
import org.springframework.context.annotation.Import;

@RecordflowSpringTest
@Import(EmbeddedPostgresConfiguration.class)
class OversightFiguresOnPostgresTest extends OversightFiguresContract {
}
