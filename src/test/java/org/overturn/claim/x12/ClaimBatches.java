package org.overturn.claim.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.OccurrenceSpan;

/**
 * Behavioral-health batches to write, made up (no real patient, member id or claim): an 837P of psychotherapy,
 * psychiatry and substance-use claims, and an 837I of intensive outpatient, partial hospitalization and inpatient
 * psychiatric claims. Free text is upper-case X12-safe, as the writer writes it, so that what is read back can equal
 * what was given.
 */
final class ClaimBatches {

    static final LocalDateTime CREATED = LocalDateTime.of(2025, 3, 20, 14, 5);

    static final ClaimParty SUBMITTER = new ClaimParty("RIVERBEND BEHAVIORAL HEALTH", "RBH0001");
    static final ClaimParty RECEIVER = new ClaimParty("CLEARPATH EDI", "CPEDI01");
    static final ClaimParty PAYER = new ClaimParty("KEYSTONE HEALTH PLAN", "60054");

    static final ClaimProvider CLINIC = new ClaimProvider("1234567893", "RIVERBEND BEHAVIORAL HEALTH", null,
            "261QM0801X", "123456789", new ClaimAddress("400 RIVER ROAD", "SUITE 2", "HARRISBURG", "PA", "171011234"));
    static final ClaimProvider SOLO_PSYCHOLOGIST = new ClaimProvider("1861430262", "PATEL", "PRIYA", "103TC0700X",
            "987654321", new ClaimAddress("12 MARKET STREET", null, "LEMOYNE", "PA", "170431201"));
    static final ClaimProvider HOSPITAL = new ClaimProvider("1588667638", "RIVERBEND BEHAVIORAL HOSPITAL", null,
            "283Q00000X", "234567890", new ClaimAddress("900 HOSPITAL DRIVE", null, "HARRISBURG", "PA", "171095555"));

    static final ClaimProvider LCSW = new ClaimProvider("1497758544", "MORALES", "ANA", "1041C0700X", null, null);
    static final ClaimProvider PSYCHIATRIST = new ClaimProvider("1679576722", "OKAFOR", "DANIEL", "2084P0800X",
            null, null);
    static final ClaimProvider SUD_COUNSELOR = new ClaimProvider("1245319599", "LINDQVIST", "MARA", "101YA0400X",
            null, null);
    static final ClaimProvider ATTENDING = new ClaimProvider("1356482913", "BRANDT", "HELEN", "2084P0800X", null,
            null);

    static final ClaimPerson SUBSCRIBER = new ClaimPerson("KHP100200300", "TESTPATIENT", "JORDAN",
            LocalDate.of(1984, 3, 12), "F");
    static final ClaimPerson PARENT = new ClaimPerson("KHP555000111", "SAMPLE", "CHRIS", LocalDate.of(1979, 7, 1),
            "M");
    /** A dependent carries the subscriber's member id, as the reader gives it. */
    static final ClaimPerson CHILD = new ClaimPerson("KHP555000111", "SAMPLE", "RILEY", LocalDate.of(2008, 11, 23),
            "U");

    private ClaimBatches() {
    }

    static ClaimBatch professional() {
        return batch(ClaimKind.PROFESSIONAL, List.of(psychotherapyByTelehealth(), replacedPsychiatryVisit(),
                voidedIntensiveOutpatientForDependent(), diagnosticEvaluationBySoloPsychologist()));
    }

    static ClaimBatch institutional() {
        return batch(ClaimKind.INSTITUTIONAL, List.of(intensiveOutpatientWeek(), replacedPartialHospitalization(),
                voidedInpatientStay()));
    }

    static ClaimBatch batch(ClaimKind kind, List<BilledClaim> claims) {
        return new ClaimBatch(kind, "RBH0001", "CPEDI01", 42, CREATED, "RBH-2025-0320-01", false, SUBMITTER,
                "BILLING OFFICE", "7175550100", RECEIVER, claims);
    }

    /** 90837-95 in the patient's home (POS 10), with an LCSW rendering. */
    static BilledClaim psychotherapyByTelehealth() {
        return professional("PCN1001", "180.00", "10", "1", LCSW, SUBSCRIBER, SUBSCRIBER, List.of("F331", "F411"),
                null, null, null, List.of(line(1, "90837", List.of("95"), "180.00", "UN", "1", null, List.of(1, 2),
                        LocalDate.of(2025, 3, 4), null, null, "L1001-1", null)));
    }

    /** 99214 with the 90833 add-on, replacing (7) a claim the payer holds, with a referral and authorizations. */
    static BilledClaim replacedPsychiatryVisit() {
        return professional("PCN1002", "310.00", "11", "7", PSYCHIATRIST, SUBSCRIBER, SUBSCRIBER,
                List.of("F329", "F411"), "PA778899", "RF12345", "2025031400123", List.of(
                        line(1, "99214", List.of(), "165.00", "UN", "1", null, List.of(1, 2),
                                LocalDate.of(2025, 3, 6), null, null, "L1002-1", null),
                        line(2, "90833", List.of(), "145.00", "UN", "1", null, List.of(1),
                                LocalDate.of(2025, 3, 6), null, "PA778899-2", "L1002-2", null)));
    }

    /**
     * H0015-HF intensive outpatient for a subscriber's child, voided (8): one day, then three days by telehealth
     * (SV105 02) with the LCSW of the first claim rendering (2420A).
     */
    static BilledClaim voidedIntensiveOutpatientForDependent() {
        return professional("PCN1003", "880.00", "57", "8", SUD_COUNSELOR, PARENT, CHILD, List.of("F1020", "F4310"),
                null, null, "2025022800456", List.of(
                        line(1, "H0015", List.of("HF"), "220.00", "UN", "1", null, List.of(1),
                                LocalDate.of(2025, 2, 17), null, null, null, null),
                        line(2, "H0015", List.of("HF", "95"), "660.00", "UN", "3", "02", List.of(1, 2),
                                LocalDate.of(2025, 2, 18), LocalDate.of(2025, 2, 20), null, null,
                                LCSW.npi())));
    }

    /** 90791 billed and rendered by a solo psychologist (no 2310B), for the first subscriber again. */
    static BilledClaim diagnosticEvaluationBySoloPsychologist() {
        BilledClaim claim = professional("PCN1004", "250.00", "11", "1", null, SUBSCRIBER, SUBSCRIBER,
                List.of("F4310"), null, null, null, List.of(line(1, "90791", List.of(), "250.00", "UN", "1", null,
                        List.of(1), LocalDate.of(2025, 3, 10), null, null, null, null)));
        return withBillingProvider(claim, SOLO_PSYCHOLOGIST);
    }

    /** Type of bill 0131: intensive outpatient (0905, 0906) and partial hospitalization (0912) for one week. */
    static BilledClaim intensiveOutpatientWeek() {
        return institutional("IOP2025031", "1650.00", "1", ATTENDING, SUBSCRIBER, SUBSCRIBER,
                List.of("F1020", "F332"), null, null, null, null, LocalDate.of(2025, 3, 3),
                LocalDate.of(2025, 3, 7), List.of(new OccurrenceSpan("72", LocalDate.of(2025, 3, 3),
                        LocalDate.of(2025, 3, 7))), List.of(
                        revenueLine(1, "0905", "S9480", List.of(), "500.00", "UN", "1", LocalDate.of(2025, 3, 3), null,
                                "L-IOP-1", null),
                        revenueLine(2, "0906", "H0015", List.of("HF"), "450.00", "UN", "1", LocalDate.of(2025, 3, 4),
                                null, "L-IOP-2", null),
                        revenueLine(3, "0912", null, List.of(), "700.00", "DA", "1", LocalDate.of(2025, 3, 5), null,
                                null, PSYCHIATRIST.npi())));
    }

    /** Type of bill 0137 for a dependent: a partial hospitalization week replacing (7) the claim the payer holds. */
    static BilledClaim replacedPartialHospitalization() {
        return institutional("PHP2025032", "2500.00", "7", PSYCHIATRIST, PARENT, CHILD, List.of("F332"),
                "AUTH-55501", "RF-20250301", "ICN20250310777", null, LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 3, 14), List.of(), List.of(
                        revenueLine(1, "0912", "S0201", List.of(), "2500.00", "DA", "5", LocalDate.of(2025, 3, 10),
                                LocalDate.of(2025, 3, 14), "L-PHP-1", null)));
    }

    /** Type of bill 0118: an inpatient psychiatric stay (0124 room and board) voided (8); lines without dates. */
    static BilledClaim voidedInpatientStay() {
        BilledClaim claim = institutional("INP2025020", "3200.00", "8", ATTENDING, SUBSCRIBER, SUBSCRIBER,
                List.of("F322", "F411"), "AUTH-40404", null, "ICN20250201999", LocalDate.of(2025, 2, 1),
                LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 5), List.of(), List.of(
                        revenueLine(1, "0124", null, List.of(), "3200.00", "DA", "4", null, null, null, null)));
        return withFacility(claim, "11");
    }

    static BilledClaim professional(String pcn, String charge, String placeOfService, String frequency,
                                    ClaimProvider rendering, ClaimPerson subscriber, ClaimPerson patient,
                                    List<String> diagnoses, String priorAuthorization, String referral,
                                    String originalReference, List<BilledLine> lines) {
        return new BilledClaim(ClaimKind.PROFESSIONAL, pcn, new BigDecimal(charge), placeOfService, "B", frequency,
                PAYER, CLINIC, rendering, subscriber, patient, "CI", diagnoses, priorAuthorization, referral,
                originalReference, null, null, null, null, List.of(), lines);
    }

    static BilledClaim institutional(String pcn, String charge, String frequency, ClaimProvider attending,
                                     ClaimPerson subscriber, ClaimPerson patient, List<String> diagnoses,
                                     String priorAuthorization, String referral, String originalReference,
                                     LocalDate admission, LocalDate from, LocalDate to, List<OccurrenceSpan> spans,
                                     List<BilledLine> lines) {
        return new BilledClaim(ClaimKind.INSTITUTIONAL, pcn, new BigDecimal(charge), "13", "A", frequency, PAYER,
                HOSPITAL, attending, subscriber, patient, "CI", diagnoses, priorAuthorization, referral,
                originalReference, admission, null, from, to, spans, lines);
    }

    static BilledLine line(int number, String procedure, List<String> modifiers, String charge, String unitBasis,
                           String units, String placeOfService, List<Integer> pointers, LocalDate date,
                           LocalDate dateTo, String priorAuthorization, String lineControlNumber,
                           String renderingNpi) {
        return new BilledLine(number, null, "HC", procedure, modifiers, new BigDecimal(charge), unitBasis,
                new BigDecimal(units), placeOfService, pointers, date, dateTo, priorAuthorization, lineControlNumber,
                renderingNpi);
    }

    static BilledLine revenueLine(int number, String revenueCode, String procedure, List<String> modifiers,
                                  String charge, String unitBasis, String units, LocalDate date, LocalDate dateTo,
                                  String lineControlNumber, String renderingNpi) {
        return new BilledLine(number, revenueCode, procedure != null ? "HC" : null, procedure, modifiers,
                new BigDecimal(charge), unitBasis, new BigDecimal(units), null, List.of(), date, dateTo, null,
                lineControlNumber, renderingNpi);
    }

    static BilledClaim withBillingProvider(BilledClaim c, ClaimProvider billing) {
        return new BilledClaim(c.kind(), c.patientControlNumber(), c.charge(), c.facilityCode(),
                c.facilityQualifier(), c.frequency(), c.payer(), billing, c.renderingProvider(), c.subscriber(),
                c.patient(), c.filingIndicator(), c.diagnoses(), c.priorAuthorization(), c.referral(),
                c.originalReference(), c.admissionDate(), c.dischargeDate(), c.statementFrom(), c.statementTo(),
                c.occurrenceSpans(), c.lines());
    }

    static BilledClaim withFacility(BilledClaim c, String facilityCode) {
        return new BilledClaim(c.kind(), c.patientControlNumber(), c.charge(), facilityCode, c.facilityQualifier(),
                c.frequency(), c.payer(), c.billingProvider(), c.renderingProvider(), c.subscriber(), c.patient(),
                c.filingIndicator(), c.diagnoses(), c.priorAuthorization(), c.referral(), c.originalReference(),
                c.admissionDate(), c.dischargeDate(), c.statementFrom(), c.statementTo(), c.occurrenceSpans(),
                c.lines());
    }

    static BilledClaim withFrequency(BilledClaim c, String frequency, String originalReference) {
        return new BilledClaim(c.kind(), c.patientControlNumber(), c.charge(), c.facilityCode(), c.facilityQualifier(),
                frequency, c.payer(), c.billingProvider(), c.renderingProvider(), c.subscriber(), c.patient(),
                c.filingIndicator(), c.diagnoses(), c.priorAuthorization(), c.referral(), originalReference,
                c.admissionDate(), c.dischargeDate(), c.statementFrom(), c.statementTo(), c.occurrenceSpans(),
                c.lines());
    }

    static BilledClaim withLines(BilledClaim c, List<BilledLine> lines) {
        return new BilledClaim(c.kind(), c.patientControlNumber(), c.charge(), c.facilityCode(), c.facilityQualifier(),
                c.frequency(), c.payer(), c.billingProvider(), c.renderingProvider(), c.subscriber(), c.patient(),
                c.filingIndicator(), c.diagnoses(), c.priorAuthorization(), c.referral(), c.originalReference(),
                c.admissionDate(), c.dischargeDate(), c.statementFrom(), c.statementTo(), c.occurrenceSpans(),
                lines);
    }

    static BilledClaim withPeople(BilledClaim c, ClaimProvider billing, ClaimPerson subscriber, ClaimPerson patient) {
        return new BilledClaim(c.kind(), c.patientControlNumber(), c.charge(), c.facilityCode(), c.facilityQualifier(),
                c.frequency(), c.payer(), billing, c.renderingProvider(), subscriber, patient, c.filingIndicator(),
                c.diagnoses(), c.priorAuthorization(), c.referral(), c.originalReference(), c.admissionDate(),
                c.dischargeDate(), c.statementFrom(), c.statementTo(), c.occurrenceSpans(), c.lines());
    }

    static BilledClaim withStatement(BilledClaim c, LocalDate from, LocalDate to) {
        return new BilledClaim(c.kind(), c.patientControlNumber(), c.charge(), c.facilityCode(), c.facilityQualifier(),
                c.frequency(), c.payer(), c.billingProvider(), c.renderingProvider(), c.subscriber(), c.patient(),
                c.filingIndicator(), c.diagnoses(), c.priorAuthorization(), c.referral(), c.originalReference(),
                c.admissionDate(), c.dischargeDate(), from, to, c.occurrenceSpans(), c.lines());
    }

    /** The claim with its lines' rendering NPIs dropped, to write it alone (a line's is named from the batch). */
    static BilledClaim withoutLineRendering(BilledClaim c) {
        return withLines(c, c.lines().stream().map(l -> new BilledLine(l.number(), l.revenueCode(),
                l.procedureQualifier(), l.procedure(), l.modifiers(), l.charge(), l.unitBasis(), l.units(),
                l.placeOfService(), l.diagnosisPointers(), l.serviceDate(), l.serviceDateTo(), l.priorAuthorization(),
                l.lineControlNumber(), null)).toList());
    }
}
