package org.overturn.workflow;

/** The names the denial lifecycle model, its delegates, its tests and the task API share. */
public final class DenialLifecycle {

    public static final String PROCESS_KEY = "denial-lifecycle";
    /** The first step that runs in a transaction of its own (the process starts in the ingestion's). */
    public static final String PARITY_SCREEN = "Task_ScreenForParity";

    public static final class Messages {
        /** A later 835 answers a corrected claim or an appeal the process is waiting on. */
        public static final String PAYER_ANSWER = "PayerAnswer";
        /** A biller recorded the payer's appeal decision letter. */
        public static final String APPEAL_DECISION_RECORDED = "AppealDecisionRecorded";
        /** A later 835 for the claim arrived while the denial was still being worked. */
        public static final String LATER_PAYMENT_RECEIVED = "LaterPaymentReceived";
        /** A biller recorded the payer's decision on a retro authorization the process is waiting on. */
        public static final String RETRO_AUTHORIZATION_DECIDED = "RetroAuthorizationDecided";

        private Messages() {
        }
    }

    public static final class Tasks {
        public static final String CORRECT_CLAIM = "Task_CorrectClaim";
        public static final String FOLLOW_UP_CORRECTION = "Task_FollowUpCorrection";
        public static final String CHECK_TIMELY_FILING_PROOF = "Task_CheckTimelyFilingProof";
        public static final String PREPARE_APPEAL = "Task_PrepareAppeal";
        public static final String APPROVE_APPEAL = "Task_ApproveAppeal";
        public static final String FOLLOW_UP_APPEAL = "Task_FollowUpAppeal";
        public static final String DECIDE_WRITE_OFF = "Task_DecideWriteOff";
        public static final String BILL_PATIENT = "Task_BillPatient";
        public static final String OBTAIN_CONSENT = "Task_ObtainConsent";
        public static final String SEND_APPEAL_BY_POST = "Task_SendAppealByPost";
        /** The service task whose job emails the appeal (retried while the mail server is down). */
        public static final String SEND_APPEAL = "Task_SendAppeal";
        public static final String RENDER_APPEAL_LETTER = "Task_RenderAppealLetter";
        public static final String REQUEST_RETRO_AUTHORIZATION = "Task_RequestRetroAuthorization";
        public static final String FOLLOW_UP_RETRO_AUTHORIZATION = "Task_FollowUpRetroAuthorization";
        /** A claim the payer has not decided yet (path AWAIT_STATUS), after the wait. */
        public static final String CHECK_CLAIM_STATUS = "Task_CheckClaimStatus";
        /** A payment reduction (path REDUCTION): dispute or accept. */
        public static final String REVIEW_REDUCTION = "Task_ReviewReduction";
        /** The service task that looks for the paid original of an exact duplicate (path MATCH_ORIGINAL). */
        public static final String MATCH_PAID_ORIGINAL = "Task_MatchPaidOriginal";

        private Tasks() {
        }
    }

    public static final class Variables {
        public static final String DENIAL_ID = "denialId";
        public static final String QUEUE = "queue";
        /**
         * The denial's classification: given to the start only (transient), for the first gateway. Processes
         * started before issue 20 hold them as variables.
         */
        public static final String ROOT_CAUSE = "rootCause";
        public static final String CORRECTABLE = "correctable";
        public static final String APPEALABLE = "appealable";
        /** The root-cause table's work path (denial.WorkPath); absent for denials registered before it existed. */
        public static final String PATH = "path";
        /** Held by processes started before 2026-12-06 only; the denial's amount is read since. */
        public static final String AMOUNT_AT_RISK = "amountAtRisk";
        public static final String PRIORITY = "priority";
        /** Set when an upheld appeal climbs a level; absent means the first level. */
        public static final String APPEAL_LEVEL = "appealLevel";
        public static final String APPEAL_SENT = "appealSent";
        /** PAID, DENIED or REVERSED: what a later 835 said. */
        public static final String PAYER_ANSWER = "payerAnswer";
        public static final String ANSWER_CLAIM_PAYMENT_ID = "answerClaimPaymentId";
        public static final String ANSWER_PAID = "answerPaid";
        public static final String ANSWER_DENIAL_ID = "answerDenialId";
        /** The user who completed the latest task, set by the task API. */
        public static final String LAST_COMPLETED_BY = "lastCompletedBy";
        public static final String CORRECTION_OUTCOME = "correctionOutcome";
        public static final String WHAT_CHANGED = "whatChanged";
        public static final String CORRECTION_REASON = "correctionReason";
        public static final String APPEAL_ACTION = "appealAction";
        public static final String APPEAL_ARGUMENT = "appealArgument";
        /** The clinical case of a medical-necessity appeal (Prepare appeal), read by the letter. */
        public static final String NECESSITY_CRITERIA = org.overturn.letters.MedicalNecessity.Fields.CRITERIA;
        public static final String NECESSITY_SCORES = org.overturn.letters.MedicalNecessity.Fields.SCORES;
        public static final String NECESSITY_SYMPTOMS = org.overturn.letters.MedicalNecessity.Fields.SYMPTOMS;
        public static final String NECESSITY_RISK = org.overturn.letters.MedicalNecessity.Fields.RISK;
        public static final String NECESSITY_LOWER_LEVEL_TRIED =
                org.overturn.letters.MedicalNecessity.Fields.LOWER_LEVEL_TRIED;
        public static final String PEER_TO_PEER_OFFERED = org.overturn.letters.MedicalNecessity.Fields.PEER_TO_PEER_OFFERED;
        public static final String APPEAL_APPROVED = "appealApproved";
        public static final String APPEAL_DECISION = "appealDecision";
        /** The date of the decision letter a biller recorded (ISO date): the next level's clock starts on it. */
        public static final String APPEAL_DECIDED_ON = "appealDecidedOn";
        public static final String PROOF_OF_TIMELY_FILING = "proofOfTimelyFiling";
        public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
        public static final String WRITE_OFF_DECISION = "writeOffDecision";
        public static final String PREPARED_BY = "appealPreparedBy";
        public static final String APPROVED_BY = "appealApprovedBy";
        public static final String APPEAL_LETTER_VERSION_ID = "appealLetterVersionId";
        public static final String CONSENT_OUTCOME = "consentOutcome";
        public static final String CONSENT_SIGNED_ON = "consentSignedOn";
        public static final String CONSENT_EXPIRES_ON = "consentExpiresOn";
        public static final String CONSENT_PURPOSE = "consentPurpose";
        public static final String CONSENT_EXPIRY_EVENT = "consentExpiryEvent";
        public static final String CONSENT_INFORMATION = "consentInformation";
        public static final String CONSENT_DISCLOSER = "consentDiscloser";
        public static final String CONSENT_SIGNED_BY = "consentSignedBy";
        public static final String CONSENT_PATIENT_BIRTH_DATE = "consentPatientBirthDate";
        public static final String PARITY_RISK = "parityRisk";
        public static final String PARITY_CASE_OPEN = "parityCaseOpen";
        public static final String SENT_BY = "sentBy";
        public static final String SENT_REFERENCE = "sentReference";
        /** APPROVED, DENIED or PENDING: the payer's decision on a retro authorization. */
        public static final String RETRO_AUTHORIZATION_DECISION = "retroAuthorizationDecision";
        public static final String RETRO_AUTHORIZATION_NUMBER = "retroAuthorizationNumber";
        public static final String PAID_ORIGINAL_FOUND = "paidOriginalFound";
        public static final String PAID_ORIGINAL_CLAIM_PAYMENT_ID = "paidOriginalClaimPaymentId";
        /** PAID, DENIED or PENDING: what the payer said when the claim's status was checked. */
        public static final String CLAIM_STATUS_OUTCOME = "claimStatusOutcome";
        /** DISPUTE or ACCEPT: the review of a payment reduction. */
        public static final String REDUCTION_DECISION = "reductionDecision";

        private Variables() {
        }
    }

    /** BPMN error codes thrown by the lifecycle's delegates. */
    public static final class Errors {
        public static final String NO_APPEAL_ADDRESS = "NO_APPEAL_ADDRESS";
        public static final String CONSENT_MISSING = "PART2_CONSENT_MISSING";

        private Errors() {
        }
    }

    public static final class PayerAnswers {
        public static final String PAID = "PAID";
        public static final String DENIED = "DENIED";
        public static final String REVERSED = "REVERSED";

        private PayerAnswers() {
        }
    }

    private DenialLifecycle() {
    }
}
