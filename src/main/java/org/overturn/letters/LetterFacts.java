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
                          Parity parity, Billed billed, Authorization authorization) {

    /** The same facts without an authorization finding (not an authorization denial). */
    public LetterFacts(String date, Practice practice, Payer payer, Claim claim, List<Line> lines,
                       List<Reason> reasons, String rootCause, String rootCauseLabel, String explanation,
                       int appealLevel, String appealLevelName, List<String> argument, List<String> enclosures,
                       Signer signer, boolean part2, boolean parityConcern, Correction correction, Parity parity,
                       Billed billed) {
        this(date, practice, payer, claim, lines, reasons, rootCause, rootCauseLabel, explanation, appealLevel,
                appealLevelName, argument, enclosures, signer, part2, parityConcern, correction, parity, billed, null);
    }

    /** The same facts without the claim as billed (no 837 on file). */
    public LetterFacts(String date, Practice practice, Payer payer, Claim claim, List<Line> lines,
                       List<Reason> reasons, String rootCause, String rootCauseLabel, String explanation,
                       int appealLevel, String appealLevelName, List<String> argument, List<String> enclosures,
                       Signer signer, boolean part2, boolean parityConcern, Correction correction, Parity parity) {
        this(date, practice, payer, claim, lines, reasons, rootCause, rootCauseLabel, explanation, appealLevel,
                appealLevelName, argument, enclosures, signer, part2, parityConcern, correction, parity, null);
    }

    /**
     * What the claim as billed (the 837 on file) adds to a letter: the patient's birth date, the diagnoses (ICD-10
     * with the dot), who rendered the service with the license level, the authorization number, when the claim was
     * first sent and when the payer accepted it. Null when no claim is on file.
     */
    public record Billed(String birthDate, List<String> diagnoses, String renderingProvider, String renderingNpi,
                         String renderingCredential, String priorAuthorization, String referral,
                         String firstSubmittedOn, String acceptedOn, String acceptanceReference, Long daysToFiling,
                         int filingLimitDays, boolean filedWithinLimit, boolean proofOnFile) {
    }

    public record Practice(String name, String npi, List<String> address, String phone, String fax, String email) {
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
     */
    public record Parity(String regime, String regimeLaw, String limitation, String limitationLabel, String risk,
                         String reason, String levelOfCare, String requestSentOn, String responseDue,
                         String responseSummary, String regulatorName, List<String> regulatorAddress,
                         String regulatorHowToFile, List<String> evidence) {
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

    /** The latest corrected claim of the denial: what changed and why. */
    public record Correction(String whatChanged, String reason, String correctedOn) {
    }
}
