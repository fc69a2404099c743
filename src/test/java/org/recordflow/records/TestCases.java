package org.recordflow.records;

import java.util.Set;

import org.recordflow.casefile.CaseOpening;
import org.recordflow.casefile.HolderType;
import org.recordflow.casefile.RecordType;
import org.recordflow.casefile.ReleaseRoute;
import org.recordflow.casefile.SendChannel;

/** Record holders for cases opened in records tests: one request each, bills from a billing office. */
final class TestCases {

    private TestCases() {
    }

    static CaseOpening.HolderEntry holder(String name, HolderType type) {
        boolean billing = type == HolderType.BILLING_OFFICE;
        return new CaseOpening.HolderEntry(name, type, billing ? ReleaseRoute.BILLING_OFFICE : ReleaseRoute.IN_HOUSE_HIM,
                SendChannel.MAIL, Set.of(billing ? RecordType.BILLS : RecordType.MEDICAL_RECORDS), null, null, null,
                "1 Main Street, Bay City, CA 94000");
    }
}
