package org.recordflow.casefile;

/** How a facility releases records: its own HIM department, its billing office, or an outsourced vendor. */
public enum ReleaseRoute {
    IN_HOUSE_HIM,
    BILLING_OFFICE,
    ROI_VENDOR
}
