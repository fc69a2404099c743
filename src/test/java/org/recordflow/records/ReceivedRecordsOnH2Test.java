package org.recordflow.records;

import org.recordflow.support.RecordflowSpringTest;

@RecordflowSpringTest
class ReceivedRecordsOnH2Test extends ReceivedRecordsContract {
}
