package org.recordflow.casefile;

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
}
