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

    /** Where a case stands, as the dashboard counts it. */
    public enum Status {
        IN_REVIEW, DISMISSED, CONFIRMED, NOT_PURSUED, REQUEST_SENT, RESOLVED, COMPLAINT_FILED, CLOSED
    }

    private ParityEscalation() {
    }
}
