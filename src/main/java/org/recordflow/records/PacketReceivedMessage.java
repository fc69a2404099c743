package org.recordflow.records;

/**
 * The BPMN message an upload correlates with the record-request process instance of its request
 * (the instance whose id is {@code record_request.process_instance_id}).
 */
public final class PacketReceivedMessage {

    /** Message name, as in {@code <message id="Message_PacketReceived" name="PacketReceived"/>}. */
    public static final String NAME = "PacketReceived";
    public static final String REF_ID = "Message_PacketReceived";

    /** Long: the packet's id in Recordflow. */
    public static final String PACKET_ID = "packetId";
    /** String: COMPLETE, PARTIAL or NONE (after a paralegal's override, if any). */
    public static final String COMPLETENESS_VERDICT = "completenessVerdict";
    /** String: comma-separated category codes missing from the production, empty when none. */
    public static final String MISSING_CATEGORIES = "missingCategories";
    /** String: comma-separated ISO dates billed without a clinical record, empty when none. */
    public static final String MISSING_DATES_OF_SERVICE = "missingDatesOfService";
    /** String: ISO date the packet was received. */
    public static final String RECEIVED_ON = "packetReceivedOn";

    private PacketReceivedMessage() {
    }
}
