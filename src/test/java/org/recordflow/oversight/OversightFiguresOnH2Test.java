package org.recordflow.oversight;

import org.recordflow.support.RecordflowSpringTest;

@RecordflowSpringTest
class OversightFiguresOnH2Test extends OversightFiguresContract {
}
