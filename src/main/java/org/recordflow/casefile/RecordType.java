package org.recordflow.casefile;

import java.util.List;

/** Records and bills are separate requests, often to separate departments. */
public enum RecordType {
    MEDICAL_RECORDS("Medical records"),
    BILLS("Itemized bills"),
    IMAGES("Images / films");

    private final String label;

    RecordType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** What a request for this type asks for, item by item. */
    public List<String> describeContents() {
        return switch (this) {
            case MEDICAL_RECORDS -> List.of("emergency department records, histories and physicals, progress and office notes",
                    "operative and procedure reports, discharge summaries", "laboratory, pathology and imaging reports",
                    "therapy notes, orders, referrals and correspondence");
            case BILLS -> List.of("itemized statements of all charges with dates of service and CPT/HCPCS codes",
                    "UB-04 or CMS-1500 claim forms", "payments, adjustments, write-offs and any balance or lien");
            case IMAGES -> List.of("all diagnostic images (X-ray, CT, MRI, ultrasound) on disc in DICOM format",
                    "the radiologist's reports for each study");
        };
    }
}
