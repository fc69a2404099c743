package org.recordflow.casefile;

import org.recordflow.support.RecordflowSpringTest;

@RecordflowSpringTest
class OpenCaseOnH2Test extends OpenCaseThroughApiContract {
}
