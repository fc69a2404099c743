package org.recordflow.casefile;

/** The kinds of record holder a provider splits into; each releases records on its own terms. */
public enum HolderType {
    HOSPITAL("Hospital / facility"),
    PHYSICIAN_GROUP("Physician group"),
    RADIOLOGY("Radiology"),
    PATHOLOGY("Pathology / laboratory"),
    PHYSICAL_THERAPY("Physical therapy"),
    BILLING_OFFICE("Billing office"),
    PHARMACY("Pharmacy"),
    AMBULANCE("Ambulance / EMS"),
    OTHER("Other");

    private final String label;

    HolderType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
