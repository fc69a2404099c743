package org.recordflow.casefile;

/** Ids of case-lifecycle.bpmn and of the phase processes it calls. */
public final class CaseLifecycleProcess {

    public static final String KEY = "case-lifecycle";
    public static final String START_EVENT = "StartEvent_CaseOpened";
    public static final String OPEN_CASE = "Task_OpenCase";
    public static final String INTAKE = "CallActivity_Intake";
    public static final String AUTHORIZATION = "CallActivity_Authorization";
    public static final String RETRIEVAL = "CallActivity_Retrieval";
    public static final String INDEXING = "CallActivity_Indexing";
    public static final String CLINICAL_REVIEW = "CallActivity_ClinicalReview";
    public static final String DEMAND_SUPPORT = "CallActivity_DemandSupport";
    public static final String DEMAND_READY = "EndEvent_DemandReady";

    /** Keys of the phase processes and the main user task of each. */
    public static final class Phases {
        public static final String INTAKE_KEY = "intake";
        public static final String CONFIRM_RECORD_HOLDERS = "Task_ConfirmRecordHolders";
        public static final String AUTHORIZATION_KEY = "authorization";
        public static final String COLLECT_SIGNED_AUTHORIZATION = "Task_CollectSignedAuthorization";
        public static final String RECORD_REQUEST_KEY = "record-request";
        public static final String SEND_RECORD_REQUEST = "Task_SendRecordRequest";
        public static final String RECORD_PROVIDER_RESPONSE = "Task_RecordProviderResponse";
        public static final String INDEXING_KEY = "indexing";
        public static final String CHECK_RECORD_QUALITY = "Task_CheckRecordQuality";
        public static final String RESOLVE_QUALITY_ISSUES = "Task_ResolveQualityIssues";
        public static final String CLINICAL_REVIEW_KEY = "clinical-review";
        public static final String REVIEW_CHRONOLOGY = "Task_ReviewChronology";
        public static final String DEMAND_SUPPORT_KEY = "demand-support";
        public static final String PREPARE_DEMAND_PACKAGE = "Task_PrepareDemandPackage";
        public static final String APPROVE_DEMAND_PACKAGE = "Task_ApproveDemandPackage";

        private Phases() {
        }
    }

    private CaseLifecycleProcess() {
    }
}
