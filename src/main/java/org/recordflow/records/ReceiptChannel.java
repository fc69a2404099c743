package org.recordflow.records;

/** How a packet reached the firm. */
public enum ReceiptChannel {
    MAIL, FAX, EMAIL, PORTAL, CD
}
