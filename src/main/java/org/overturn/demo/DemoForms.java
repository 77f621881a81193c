package org.overturn.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.overturn.denial.DenialView;
import org.overturn.denial.RootCause;
import org.overturn.parity.ParityEscalation;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.DenialLifecycle.Variables;

/**
 * What the demo's billers, managers and parity specialist write in each task's form (the fields of
 * bpmn/denial-lifecycle.bpmn and bpmn/parity-escalation.bpmn): their decisions, in the proportions a
 * behavioral-health billing office would make them, and the words they would use. No patient is named.
 */
final class DemoForms {

    /** What someone wrote about a correction: what changed on the claim and what the record shows. */
    private record Change(String what, String why) {
    }

    private static final Map<RootCause, List<Change>> CHANGES = Map.of(
            RootCause.CODING, List.of(
                    new Change("90837 changed to 90834",
                            "The progress note documents 48 minutes of psychotherapy: 90834 (38-52 minutes), not 90837."),
                    new Change("Add-on 90833 billed with its E/M service 99214 on the same claim",
                            "The payer denied the add-on code because its primary E/M service was on another claim."),
                    new Change("Primary diagnosis changed to F33.1 on every line",
                            "The diagnosis pointed to did not support the service; the note documents F33.1.")),
            RootCause.TELEHEALTH, List.of(
                    new Change("Modifier GT replaced by 95; place of service 10",
                            "The payer wants modifier 95 and POS 10 for audio-video sessions with the patient at home."),
                    new Change("Modifier 93 added; place of service 10",
                            "The session was audio-only, as the note records; the payer covers it with modifier 93."),
                    new Change("Place of service changed from 11 to 02",
                            "The patient joined from another clinic, not from home: POS 02, as the payer expects.")),
            RootCause.MISSING_INFORMATION, List.of(
                    new Change("Referring provider NPI added (loop 2310A)",
                            "The plan requires the referring PCP on outpatient mental health claims; the referral is on file."),
                    new Change("Rendering clinician's taxonomy code added",
                            "The payer could not match the rendering clinician to the contract without it."),
                    new Change("Diagnosis F41.1 added as the primary diagnosis",
                            "The claim went out without the diagnosis the payer asked for (RARC M76).")),
            RootCause.AUTHORIZATION, List.of(
                    new Change("Prior authorization number added (REF*G1)",
                            "The authorization was approved before the first session; its number was missing from the claim."),
                    new Change("Authorization number corrected to the current episode's",
                            "The claim carried last year's authorization number; the current one covers these dates."),
                    new Change("Units reduced to the 8 sessions the authorization covers",
                            "Sessions beyond the approved units go on the next authorization, already requested.")),
            RootCause.ELIGIBILITY, List.of(
                    new Change("Member ID corrected to the member's current card",
                            "The 271 eligibility response shows a new member ID since the plan year began."),
                    new Change("Patient's date of birth corrected",
                            "The date of birth on the claim did not match the payer's enrollment record."),
                    new Change("Subscriber changed to the patient's parent",
                            "The patient is a dependent on the parent's plan, as the insurance card shows.")),
            RootCause.COORDINATION_OF_BENEFITS, List.of(
                    new Change("Primary payer's EOB attached; claim re-filed as secondary",
                            "The spouse's employer plan is primary; its payment is on the attached EOB."),
                    new Change("Other coverage removed from the claim",
                            "The patient confirmed in writing that the other coverage ended; the payer updated its record.")));

    /**
     * What a biller adds to the letter's own position. The demo attaches no documents, so no argument points at an
     * enclosure, and none argues parity: the letter does that once a parity specialist confirmed the concern, and
     * never to Medicare.
     */
    private static final Map<RootCause, String> ARGUMENTS = Map.ofEntries(
            Map.entry(RootCause.MEDICAL_NECESSITY, "Continued care at this level followed the treatment plan, reviewed "
                    + "monthly; the patient had not improved enough at the lower level of care to step down safely."),
            Map.entry(RootCause.AUTHORIZATION, "The authorization was requested before the first session and "
                    + "approved; its number is on the claim, and the services billed fall within its dates and units."),
            Map.entry(RootCause.BENEFIT_LIMIT, "By our count the patient had 14 visits this plan year before these "
                    + "dates, below the plan's limit of 20."),
            Map.entry(RootCause.NON_COVERED, "The service is covered under the plan's mental health benefit, and it "
                    + "was billed with the code the plan's own fee schedule lists for it."),
            Map.entry(RootCause.TIMELY_FILING, "We ask that the claim be processed as filed on the first submission "
                    + "date above."),
            Map.entry(RootCause.CREDENTIALING, "Provider services confirmed by telephone that the clinician's "
                    + "enrollment took effect before the date of service."),
            Map.entry(RootCause.TELEHEALTH, "The session was a synchronous audio-video visit with the patient at "
                    + "home, as the session note records with its start and end times."),
            Map.entry(RootCause.CODING, "The session note records the start and end times that support the code "
                    + "billed."),
            Map.entry(RootCause.MISSING_INFORMATION, "The claim now carries what the remark codes asked for; nothing "
                    + "else on it has changed."),
            Map.entry(RootCause.BUNDLING, "Each service was provided at its own time and is recorded in its own "
                    + "note."),
            Map.entry(RootCause.DUPLICATE, "Each date of service was billed once, on this claim."),
            Map.entry(RootCause.ELIGIBILITY, "The payer's eligibility response on the date of service showed the "
                    + "coverage active."),
            Map.entry(RootCause.COORDINATION_OF_BENEFITS, "The patient confirmed in writing that the other coverage "
                    + "ended before the date of service."));

    private static final String RECONSIDERATION = "The claim was billed as the service was provided, and the patient "
            + "was covered on the date of service. We ask for reconsideration.";

    /** The clinical case behind a medical-necessity appeal, from the chart (no patient is named). */
    private record ClinicalCase(String scores, String symptoms, String risk, String lowerLevelTried) {
    }

    private static final List<ClinicalCase> LOCUS_CASES = List.of(
            new ClinicalCase("Composite 20: risk of harm 3, functional status 4, co-morbidity 2, recovery "
                    + "environment 4/3, treatment history 3, engagement 1 (level 4)",
                    "Depressive symptoms with PHQ-9 of 19; not working for three weeks; sleeping 3-4 hours a night.",
                    "Passive suicidal ideation without plan or intent; safety plan in place.",
                    "Weekly outpatient psychotherapy for 12 weeks; PHQ-9 rose from 14 to 19."),
            new ClinicalCase("Composite 18: risk of harm 2, functional status 4, co-morbidity 3, recovery "
                    + "environment 3/3, treatment history 2, engagement 1 (level 3)",
                    "Panic attacks daily with agoraphobic avoidance; GAD-7 of 16; missed half of school days.",
                    "No self-harm; risk of losing school placement.",
                    "Biweekly outpatient therapy and medication management for 10 weeks without improvement."));

    private static final List<ClinicalCase> ASAM_CASES = List.of(
            new ClinicalCase("Dimension 1: 1; dimension 2: 1; dimension 3: 2; dimension 4: 3; dimension 5: 3; "
                    + "dimension 6: 3 (level 2.1)",
                    "Alcohol use disorder, severe; two returns to use in the past month; missed work shifts.",
                    "High risk of continued use; living with a partner who drinks.",
                    "Weekly outpatient counseling (level 1) for 8 weeks; returned to use twice."));

    private static final Map<RootCause, String> WRITE_OFF_REASONS = Map.of(
            RootCause.TIMELY_FILING, "No proof of timely filing: the claim reached the clearinghouse after the limit.",
            RootCause.DUPLICATE, "Duplicate of a claim the payer has already paid.",
            RootCause.BENEFIT_LIMIT, "Benefit exhausted for the plan year and no waiver signed: not billable to the patient.",
            RootCause.CREDENTIALING, "Clinician not yet credentialed on the date of service; the contract bars billing the patient.",
            RootCause.NON_COVERED, "Non-covered service and no advance notice signed: not billable to the patient.");

    private final Dice dice;
    /** Whether a denial's patient is held harmless (a contractual denial): the billers do not bill the patient. */
    private final java.util.function.LongPredicate heldHarmless;

    DemoForms(Dice dice, java.util.function.LongPredicate heldHarmless) {
        this.dice = dice;
        this.heldHarmless = heldHarmless;
    }

    /**
     * The form someone completes the task with; {@code s} names this task of this denial for the dice, and
     * {@code appealDecision} is what the payer decided, when a follow-up call finds out; {@code appealLevel} is the
     * process's; {@code sent} the denial's claim as the clinic sent it, or null when the demo did not send it. Null
     * for a task the demo leaves alone.
     */
    Map<String, Object> of(String taskKey, String s, DenialView denial, int appealLevel, LocalDate today,
                           String appealDecision, SentClaim sent) {
        RootCause cause = denial.rootCause();
        return switch (taskKey) {
            case Tasks.CORRECT_CLAIM -> correctClaim(s, denial, sent);
            case Tasks.FOLLOW_UP_CORRECTION -> form("followUpOutcome",
                    dice.roll(s, "payer says") < 0.55 ? "PAID" : dice.roll(s, "denied or pending") < 0.6 ? "DENIED"
                            : "PENDING", "followUpNote", "Called provider services; call reference CR"
                            + dice.between(s, "reference", 1_000_000, 9_999_999) + ".");
            case Tasks.CHECK_TIMELY_FILING_PROOF -> timelyFilingProof(s, today, sent);
            case Tasks.PREPARE_APPEAL -> prepareAppeal(s, denial, appealLevel);
            case Tasks.APPROVE_APPEAL -> dice.chance(s, "approved", 0.88)
                    ? form("appealApproved", "true", "approvalComment",
                    dice.pick(s, "comment", List.of("Approved.", "Approved: the notes make the case.", "")))
                    : form("appealApproved", "false", "approvalComment",
                    "Enclose the treatment plan and the last two progress notes, then send it.");
            case Tasks.OBTAIN_CONSENT, ParityEscalation.Tasks.OBTAIN_CONSENT -> {
                LocalDate signed = today.minusDays(dice.between(s, "signed", 0, 6));
                // the form gives the date of birth the clinic billed; a claim the demo did not send gets one from the dice
                var person = sent == null ? null
                        : sent.claim().patient() != null ? sent.claim().patient() : sent.claim().subscriber();
                LocalDate born = person != null && person.birthDate() != null ? person.birthDate()
                        : LocalDate.of(1960, 1, 1).plusDays(dice.between(s, "born", 0, 15_000));
                yield form("consentOutcome", "RECORDED", "consentSignedOn", signed.toString(),
                        "consentExpiresOn", signed.plusYears(1).toString(),
                        "consentPurpose", "Payment: appeal and review of denied claims",
                        "consentInformation", "Claims, remittances and the treatment records of the denied services",
                        "consentSignedBy", "the patient", "consentPatientBirthDate", born.toString());
            }
            case Tasks.SEND_APPEAL_BY_POST, ParityEscalation.Tasks.SEND_REQUEST_BY_POST -> sentByPost(s);
            case Tasks.FOLLOW_UP_APPEAL -> form("appealDecision", appealDecision == null ? "PENDING" : appealDecision,
                    "followUpNote", "Called the appeals unit; reference AP" + dice.between(s, "reference", 100_000, 999_999)
                            + (appealDecision == null ? ": still under review." : ": decision letter on its way."));
            case Tasks.DECIDE_WRITE_OFF -> decideWriteOff(s, denial, cause);
            case Tasks.BILL_PATIENT -> form("statementReference",
                    "STMT-" + today.toString().replace("-", "") + "-" + dice.between(s, "statement", 1000, 9999));
            case ParityEscalation.Tasks.REVIEW -> dice.chance(s, "confirmed", 0.55)
                    ? form("parityDecision", "CONFIRM", "parityReason", "As far as the plan's documents show, it "
                    + "applies this limitation to mental health care more stringently than to comparable medical "
                    + "care: a likely NQTL violation.")
                    : form("parityDecision", "DISMISS", "parityReason", "The plan's summary of benefits applies the "
                    + "same limitation to comparable medical care: no parity concern.");
            case ParityEscalation.Tasks.ASSESS_ANALYSIS -> dice.chance(s, "adequate", 0.45)
                    ? form("analysisAdequate", "true", "assessmentNote", "The analysis compares the criteria for both "
                    + "benefits, with the evidence, and applies them comparably.")
                    : form("analysisAdequate", "false", "assessmentNote", "The analysis lists the criteria but shows no "
                    + "comparison of how they are applied to medical and surgical care.");
            case ParityEscalation.Tasks.FILE_COMPLAINT -> form("complaintFiledOn", today.toString(),
                    "complaintReference", "CMP-" + today.getYear() + "-" + dice.between(s, "complaint", 10_000, 99_999));
            case ParityEscalation.Tasks.RECORD_COMPLAINT_OUTCOME -> form("complaintOutcome", dice.pick(s, "outcome",
                    List.of("PLAN_CORRECTED", "PLAN_CORRECTED", "VIOLATION_FOUND", "NO_VIOLATION")));
            default -> null;
        };
    }

    /** The payer's acceptance report (277CA) of the claim is the proof, when the clinic sent it in time. */
    private Map<String, Object> timelyFilingProof(String s, LocalDate today, SentClaim sent) {
        if (sent != null) {
            return sent.acceptedOn() == null ? form("proofOfTimelyFiling", "false")
                    : form("proofOfTimelyFiling", "true", "proofDescription", "The payer's acceptance report (277CA) "
                    + "of " + sent.acceptedOn() + ": the claim was sent on " + sent.sentOn() + ", within the limit");
        }
        return dice.chance(s, "proof", 0.6)
                ? form("proofOfTimelyFiling", "true", "proofDescription", "Clearinghouse acceptance report (277CA) of "
                + today.minusDays(dice.between(s, "filed", 100, 160)))
                : form("proofOfTimelyFiling", "false");
    }

    private Map<String, Object> correctClaim(String s, DenialView denial, SentClaim sent) {
        double roll = dice.roll(s, "correction");
        if (roll < 0.12 && denial.appealable()) {
            return form("correctionOutcome", "APPEAL");
        }
        boolean coverage = denial.rootCause() == RootCause.ELIGIBILITY
                || denial.rootCause() == RootCause.COORDINATION_OF_BENEFITS;
        if (roll > (coverage ? 0.85 : 0.97) && !heldHarmless.test(denial.id())) {
            // the coverage had ended, or the patient was told in advance
            return form("correctionOutcome", "PATIENT");
        }
        if (sent != null && sent.correction() != null) {
            // what the chart says the claim should have carried, as the form's structured changes
            SentClaim.Correction correction = sent.correction();
            Map<String, Object> form = form("correctionOutcome", "CORRECTED", "correctionReason", correction.why());
            form.putAll(correction.fields());
            if (correction.whatChanged() != null) {
                form.put("whatChanged", correction.whatChanged());
            }
            return form;
        }
        Change change = dice.pick(s, "change", CHANGES.getOrDefault(denial.rootCause(),
                List.of(new Change("Claim corrected against the chart", "The chart supports the corrected claim."))));
        return form("correctionOutcome", "CORRECTED", "whatChanged", change.what(), "correctionReason", change.why());
    }

    private Map<String, Object> prepareAppeal(String s, DenialView denial, int level) {
        double roll = dice.roll(s, "appeal");
        boolean small = denial.amountAtRisk().doubleValue() < 60;
        if (roll < (level > 1 ? 0.3 : small ? 0.25 : 0.07)) {
            return form("appealAction", "WRITE_OFF");
        }
        if (roll > 0.97 && !heldHarmless.test(denial.id())) {
            return form("appealAction", "PATIENT");
        }
        return submittedAppeal(s, denial, level);
    }

    /** The appeal as the biller submits it: the argument of its root cause, and the clinical case where one is due. */
    Map<String, Object> submittedAppeal(String s, DenialView denial, int level) {
        String argument = ARGUMENTS.getOrDefault(denial.rootCause(), RECONSIDERATION);
        if (level > 1) {
            argument = "Second-level appeal. The first-level decision did not address the points below. " + argument;
        }
        Map<String, Object> form = form("appealAction", "SUBMIT", "appealArgument", argument);
        if (denial.rootCause() == RootCause.MEDICAL_NECESSITY) {
            // substance-use programs are placed with the ASAM Criteria, mental health care with LOCUS
            boolean sud = denial.part2();
            ClinicalCase c = dice.pick(s, "clinical case", sud ? ASAM_CASES : LOCUS_CASES);
            form.putAll(form(Variables.NECESSITY_CRITERIA, sud ? "ASAM" : "LOCUS", Variables.NECESSITY_SCORES,
                    c.scores(), Variables.NECESSITY_SYMPTOMS, c.symptoms(), Variables.NECESSITY_RISK, c.risk(),
                    Variables.NECESSITY_LOWER_LEVEL_TRIED, c.lowerLevelTried(), Variables.PEER_TO_PEER_OFFERED,
                    String.valueOf(dice.chance(s, "peer to peer", 0.5))));
        }
        return form;
    }

    private Map<String, Object> decideWriteOff(String s, DenialView denial, RootCause cause) {
        double roll = dice.roll(s, "write-off");
        if (roll < 0.08 && denial.appealable() && denial.appealLevel() == 0) {
            return form("writeOffDecision", "APPEAL", "writeOffReason", "Worth appealing: the notes support it.");
        }
        if (roll > 0.85) {
            Map<String, Object> form = form("writeOffDecision", "PATIENT", "writeOffReason",
                    "The patient was told in advance and agreed to pay.");
            if (heldHarmless.test(denial.id())) {
                // a contractual denial: the manager overrides hold-harmless, with the waiver as the reason
                form.put("patientBillingOverride", "The patient signed a waiver for this service before it was given.");
            }
            return form;
        }
        String reason = WRITE_OFF_REASONS.getOrDefault(cause, denial.appealLevel() > 0
                ? "Upheld on appeal; not billable to the patient under the contract."
                : "Not recoverable from the payer and not billable to the patient.");
        return form("writeOffDecision", "WRITE_OFF", "writeOffReason", reason);
    }

    private Map<String, Object> sentByPost(String s) {
        String how = dice.pick(s, "sent by", List.of("POST", "POST", "PORTAL", "PORTAL", "FAX"));
        String reference = switch (how) {
            case "POST" -> "USPS certified mail 9407 1118 9956 " + dice.between(s, "tracking", 1000, 9999) + " "
                    + dice.between(s, "tracking 2", 1000, 9999) + " " + dice.between(s, "tracking 3", 10, 99);
            case "PORTAL" -> "Portal confirmation " + dice.between(s, "confirmation", 10_000_000, 99_999_999);
            default -> "Fax confirmation, 14 pages, job " + dice.between(s, "fax", 1000, 9999);
        };
        return form("sentBy", how, "sentReference", reference);
    }

    private static Map<String, Object> form(Object... fieldsAndValues) {
        Map<String, Object> form = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            String value = (String) fieldsAndValues[i + 1];
            if (!value.isEmpty()) {
                form.put((String) fieldsAndValues[i], value);
            }
        }
        return form;
    }
}
