package org.overturn.letters;

import java.util.List;

/**
 * What a letter template sees, already worded and formatted for print (amounts as {@code $1,234.50}, dates as
 * {@code 02/20/2026}), so a billing office can change a template without knowing Java. Every value is text
 * from an 835, a user or the directory: the templates' HTML output format escapes all of it.
 */
public record LetterFacts(String date, Practice practice, Payer payer, Claim claim, List<Line> lines,
                          List<Reason> reasons, String rootCause, String rootCauseLabel, String explanation,
                          int appealLevel, String appealLevelName, List<String> argument, List<String> enclosures,
                          Signer signer, boolean part2, boolean parityConcern, Correction correction,
                          Parity parity, Billed billed, Appeal appeal, Authorization authorization, Route route) {

    /** The same facts without a route on the regime's ladder: addressed to the payer's appeals desk. */
    public LetterFacts(String date, Practice practice, Payer payer, Claim claim, List<Line> lines,
                       List<Reason> reasons, String rootCause, String rootCauseLabel, String explanation,
                       int appealLevel, String appealLevelName, List<String> argument, List<String> enclosures,
                       Signer signer, boolean part2, boolean parityConcern, Correction correction, Parity parity,
                       Billed billed, Appeal appeal, Authorization authorization) {
        this(date, practice, payer, claim, lines, reasons, rootCause, rootCauseLabel, explanation, appealLevel,
                appealLevelName, argument, enclosures, signer, part2, parityConcern, correction, parity, billed, appeal,
                authorization, null);
    }

    /** The same facts without an authorization finding (not an authorization denial). */
    public LetterFacts(String date, Practice practice, Payer payer, Claim claim, List<Line> lines,
                       List<Reason> reasons, String rootCause, String rootCauseLabel, String explanation,
                       int appealLevel, String appealLevelName, List<String> argument, List<String> enclosures,
                       Signer signer, boolean part2, boolean parityConcern, Correction correction, Parity parity,
                       Billed billed, Appeal appeal) {
        this(date, practice, payer, claim, lines, reasons, rootCause, rootCauseLabel, explanation, appealLevel,
                appealLevelName, argument, enclosures, signer, part2, parityConcern, correction, parity, billed, appeal,
                null, null);
    }

    public LetterFacts {
        appeal = appeal == null ? Appeal.UNKNOWN : appeal;
    }

    /**
     * What the claim as billed (the 837 on file) adds to a letter: the patient's birth date, the diagnoses (ICD-10
     * with the dot), who rendered the service with the license level, the authorization number, when the claim was
     * first sent and when the payer accepted it. Null when no claim is on file.
     */
    public record Billed(String birthDate, List<String> diagnoses, String renderingProvider, String renderingNpi,
                         String renderingCredential, String priorAuthorization, String referral,
                         String firstSubmittedOn, String submissionReference, String acceptedOn,
                         String acceptanceReference, Long daysToFiling, int filingLimitDays, boolean filedWithinLimit,
                         boolean proofOnFile) {
    }

    /**
     * What an appeal stands on beyond the codes: the regime it goes to (no parity law binds Medicare, Medicare
     * Advantage or TRICARE, so no letter to them argues it), the kind of services the lines bill, and the clinical case
     * of a medical-necessity appeal.
     *
     * @param planLabel          the plan type in words ("Medicare Advantage"), null when unknown
     * @param medicare           Medicare or Medicare Advantage, by CLP06 (MA, MB, 16) or the payer directory
     * @param parityLawApplies   false for Medicare, Medicare Advantage and TRICARE
     * @param timedPsychotherapy a line bills psychotherapy by documented minutes (90832-90838)
     * @param psychotherapyAddOn a line bills psychotherapy as an add-on to an E/M service (90833, 90836, 90838)
     * @param perDiem            a line bills a per-diem level of care (PHP, IOP, day treatment)
     * @param telehealth         how the claim marks telehealth ("modifier 95; place of service 10"), null when it does not
     * @param necessity          the clinical case the biller entered, null when none
     */
    public record Appeal(String planLabel, boolean medicare, boolean parityLawApplies, boolean timedPsychotherapy,
                         boolean psychotherapyAddOn, boolean perDiem, String telehealth, Necessity necessity) {

        /** Nothing known about the plan or the services. */
        public static final Appeal UNKNOWN = new Appeal(null, false, true, false, false, false, null, null);
    }

    /** {@link MedicalNecessity} worded for print: the criteria by name. */
    public record Necessity(String criteria, String scores, String symptoms, String risk, String lowerLevelTried,
                            boolean peerToPeerOffered) {

        static Necessity of(MedicalNecessity m) {
            return m == null ? null : new Necessity(m.criteria() == null ? null : m.criteria().label(), m.scores(),
                    m.symptoms(), m.risk(), m.lowerLevelTried(), m.peerToPeerOffered());
        }
    }

    /** @param logo the practice's logo as a {@code data:image/} URI (the PDF renderer fetches no URL), or null */
    public record Practice(String name, String npi, List<String> address, String phone, String fax, String email,
                           String logo) {

        public Practice(String name, String npi, List<String> address, String phone, String fax, String email) {
            this(name, npi, address, phone, fax, email, null);
        }
    }

    public record Payer(String id, String name, List<String> address, String appealEmail, String planType,
                        boolean addressKnown) {
    }

    public record Claim(String patientName, String memberId, String patientControlNumber,
                        String payerClaimControlNumber, String serviceDates, String billed, String paid,
                        String denied, String renderingNpi, String remittanceDate, String paymentTrace,
                        String appealDueDate) {
    }

    public record Line(String serviceDate, String procedure, String modifiers, String units, String billed,
                       String paid, String adjustments) {
    }

    /** A code the payer gave (CO-50, N115) with its official description. */
    public record Reason(String code, String kind, String description) {
    }

    public record Signer(String name, String title) {
    }

    /**
     * A parity case, for the request for the plan's comparative analysis and the complaint to its regulator;
     * null in other letters.
     *
     * @param citations     the provisions the letter rests on, each with its source (parity's citation data)
     * @param notRelied     provisions the letter deliberately does not lean on (the 2024 rule under non-enforcement)
     * @param representative true when the patient's authorization is on file and the practice writes as the patient's
     *                      authorized representative; false: the practice writes in its own name
     * @param authorization who signed the authorization, when, its scope and document; null without one
     */
    public record Parity(String regime, String regimeLaw, String limitation, String limitationLabel, String risk,
                         String reason, String levelOfCare, String requestSentOn, String responseDue,
                         String responseSummary, String regulatorName, List<String> regulatorAddress,
                         String regulatorHowToFile, List<String> evidence, List<String> citations,
                         List<String> notRelied, boolean representative, String authorization) {

        /** Without citations or standing (the practice writing in its own name). */
        public Parity(String regime, String regimeLaw, String limitation, String limitationLabel, String risk,
                      String reason, String levelOfCare, String requestSentOn, String responseDue,
                      String responseSummary, String regulatorName, List<String> regulatorAddress,
                      String regulatorHowToFile, List<String> evidence) {
            this(regime, regimeLaw, limitation, limitationLabel, risk, reason, levelOfCare, requestSentOn, responseDue,
                    responseSummary, regulatorName, regulatorAddress, regulatorHowToFile, evidence, List.of(),
                    List.of(), false, null);
        }
    }

    /**
     * What the authorization register found for an authorization denial ({@code finding}: NONE_ON_FILE,
     * VALID_ON_FILE, EXPIRED, UNITS_EXHAUSTED, WRONG_SERVICE or WRONG_PROVIDER), with the authorization it was found
     * on (number, span, level of care, services, units); the authorization's fields are null for NONE_ON_FILE.
     */
    public record Authorization(String finding, String number, String from, String to, String levelOfCare,
                                String services, String unitsApproved, String unitsUsed, String unitType,
                                String restrictedTo, String reason) {
    }

    /**
     * Where the letter stands on its regime's ladder (issue 16): the regime and level, the level's name (the
     * letter's title), who receives it, the CMS form whose fields it carries (CMS-20027, CMS-20033, or none), and the
     * rules it cites. Null when the letter is no appeal or the denial has no step (addressed to the payer then).
     *
     * @param recipientKind       {@code regime.RecipientKind} name: PAYER, QIC, IRE, OMHA, IRO, STATE_FAIR_HEARING ...
     * @param recipientName       the directory's name, or what the level's notice names when the directory is silent
     * @param previousDecisionOn  the date of the decision letter the level answers (the redetermination notice for
     *                            a reconsideration), null at level 1
     * @param previousDecidedBy   who made that decision (the MAC for a Medicare reconsideration), null at level 1
     */
    public record Route(String regime, String regimeLabel, int level, String levelName, String recipientKind,
                        String recipientName, List<String> recipientAddress, String recipientEmail, String form,
                        String dueOn, String initialNoticeOn, String previousDecisionOn, String previousDecidedBy,
                        List<Cited> citations) {

        public boolean toPayer() {
            return "PAYER".equals(recipientKind);
        }
    }

    /** A rule the letter cites, with the source it was read from. */
    public record Cited(String text, String source, int year) {
    }

    /** The latest corrected claim of the denial: what changed and why. */
    public record Correction(String whatChanged, String reason, String correctedOn) {
    }
}
