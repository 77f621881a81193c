package org.overturn.parity;

/** The names the parity escalation model, its delegates and its tests share. */
public final class ParityEscalation {

    public static final String PROCESS_KEY = "parity-escalation";

    public static final class Messages {
        /** The plan answered the request for its comparative analysis. */
        public static final String ANALYSIS_RECEIVED = "ComparativeAnalysisReceived";
        /** The payer upheld the appeal of the denial under escalation. */
        public static final String APPEAL_UPHELD = "ParityAppealUpheld";

        private Messages() {
        }
    }

    public static final class Tasks {
        public static final String REVIEW = "Task_ReviewParityConcern";
        public static final String OBTAIN_CONSENT = "Task_ObtainParityConsent";
        public static final String SEND_REQUEST_BY_POST = "Task_SendRequestByPost";
        public static final String ASSESS_ANALYSIS = "Task_AssessAnalysis";
        public static final String FILE_COMPLAINT = "Task_FileParityComplaint";
        public static final String RECORD_COMPLAINT_OUTCOME = "Task_RecordComplaintOutcome";

        private Tasks() {
        }
    }

    /** The process variables the model, its delegates and its tests name; typed reads in the delegates. */
    public static final class Variables {
        public static final String DENIAL_ID = "denialId";
        /** The user who completed the latest task, set by the task API. */
        public static final String LAST_COMPLETED_BY = "lastCompletedBy";
        /** Input parameter of {@code ${updateParityCase}}: the {@link Status} the model moves the case to. */
        public static final String CASE_STATUS = "caseStatus";
        public static final String PARITY_DECISION = "parityDecision";
        public static final String PARITY_REASON = "parityReason";
        public static final String ASSESSMENT_NOTE = "assessmentNote";
        public static final String COMPLAINT_FILED_ON = "complaintFiledOn";
        public static final String COMPLAINT_REFERENCE = "complaintReference";
        public static final String COMPLAINT_OUTCOME = "complaintOutcome";
        public static final String REQUEST_VERSION_ID = "parityRequestVersionId";
        public static final String COMPLAINT_VERSION_ID = "parityComplaintVersionId";

        private Variables() {
        }
    }

    /** The BPMN error codes the delegates throw and the model catches (its {@code bpmn:error} elements). */
    public static final class Errors {
        public static final String NO_APPEAL_ADDRESS = "NO_APPEAL_ADDRESS";
        public static final String CONSENT_MISSING = "PART2_CONSENT_MISSING";

        private Errors() {
        }
    }

    /** Where a case stands, as the dashboard counts it. */
    public enum Status {
        IN_REVIEW, DISMISSED, CONFIRMED, NOT_PURSUED, REQUEST_SENT, RESOLVED, COMPLAINT_FILED, CLOSED
    }

    private ParityEscalation() {
    }
}
