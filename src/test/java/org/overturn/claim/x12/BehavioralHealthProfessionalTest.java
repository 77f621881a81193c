package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/**
 * Generated behavioral-health 837Ps covering every field of the transaction, claim and line records: telehealth
 * psychotherapy, an E/M with its psychotherapy add-on by another provider (2420A), intensive outpatient programs,
 * a dependent patient, replacement and void claims. The people and ids are made up.
 */
class BehavioralHealthProfessionalTest {

    /** A child seen by video (POS 10, modifier 95), then with his psychiatrist in the office. */
    private static Edi837 telehealthForADependent() {
        return Edi837.create().interchange("000000417").group("417", Edi837.PROFESSIONAL).transaction("0417")
                .segment("BHT*0019*00*RC-20240318-01*20240318*0930*CH")
                .segment("NM1*41*2*RIVERSIDE COUNSELING*****46*SUB12345")
                .segment("PER*IC*BILLING OFFICE*TE*5555550100")
                .segment("NM1*40*2*CLEARINGHOUSE INC*****46*CH99999")
                .segment("HL*1**20*1")
                .segment("PRV*BI*PXC*261QM0801X")
                .segment("NM1*85*2*RIVERSIDE COUNSELING*****XX*1234567893")
                .segment("N3*12 RIVER RD")
                .segment("N4*SPRINGFIELD*IL*627010000")
                .segment("REF*EI*741234567")
                .segment("NM1*87*2")
                .segment("N3*PO BOX 9")
                .segment("N4*SPRINGFIELD*IL*627010000")
                .segment("HL*2*1*22*1")
                .segment("SBR*P**GRP77******BL")
                .segment("NM1*IL*1*RIVERA*ANA*M***MI*W123456789")
                .segment("DMG*D8*19800214*F")
                .segment("NM1*PR*2*BLUE PLAN*****PI*BP001")
                .segment("HL*3*2*23*0")
                .segment("PAT*19")
                .segment("NM1*QC*1*RIVERA*LUCAS")
                .segment("DMG*D8*20100905*M")
                .segment("CLM*PCN-1001*475***10:B:1*Y*A*Y*Y")
                .segment("REF*G1*AUTH-55")
                .segment("REF*9F*REF-77")
                .segment("HI*ABK:F33.1*ABF:F41.1*ABF:Z63.0")
                .segment("NM1*82*1*NGUYEN*MAI****XX*1098765432")
                .segment("PRV*PE*PXC*1041C0700X")
                .segment("REF*G2*LEGACY1")
                // the primary payer's loops (2320/2330): none of this is the claim's
                .segment("SBR*S*01*******CI")
                .segment("OI***Y***Y")
                .segment("NM1*IL*1*RIVERA*JOSE****MI*OTHER999")
                .segment("NM1*PR*2*OTHER PLAN*****PI*OP002")
                .segment("REF*G1*OTHER-AUTH")
                .segment("REF*F8*OTHER-ICN")
                .segment("NM1*82*1*OTHER*DOC****XX*1999999999")
                .segment("LX*1")
                .segment("SV1*HC:90837:95*200*UN*1***1:2")
                .segment("DTP*472*D8*20240304")
                .segment("REF*6R*LINE-1")
                .segment("LX*2")
                .segment("SV1*HC:99214:25*150*UN*1*11**1")
                .segment("DTP*472*D8*20240311")
                .segment("REF*6R*LINE-2")
                .segment("NM1*82*1*PATEL*RAVI****XX*1555555555")
                .segment("PRV*PE*PXC*2084P0800X")
                .segment("LX*3")
                .segment("SV1*HC:90833*125*UN*1*11**1:3")
                .segment("DTP*472*D8*20240311")
                .segment("REF*G1*AUTH-LINE-3")
                .segment("REF*6R*LINE-3")
                .segment("NM1*82*1*PATEL*RAVI****XX*1555555555")
                .segment("PRV*PE*PXC*2084P0800X")
                .closeAll();
    }

    @Test
    void readsTheTransactionEnvelopeAndHeader() throws MalformedX12Exception {
        ClaimTransaction transaction = telehealthForADependent().parse().transactions().get(0);

        assertThat(transaction.kind()).isEqualTo(ClaimKind.PROFESSIONAL);
        assertThat(transaction.implementation()).isEqualTo("005010X222A1");
        assertThat(transaction.interchangeControlNumber()).isEqualTo("000000417");
        assertThat(transaction.interchangeDate()).isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(transaction.groupControlNumber()).isEqualTo("417");
        assertThat(transaction.controlNumber()).isEqualTo("0417");
        assertThat(transaction.purpose()).isEqualTo("00");
        assertThat(transaction.reference()).isEqualTo("RC-20240318-01");
        assertThat(transaction.createdOn()).isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(transaction.submittedOn()).isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(transaction.transactionType()).isEqualTo("CH");
        assertThat(transaction.submitter()).isEqualTo(new ClaimParty("RIVERSIDE COUNSELING", "SUB12345"));
        assertThat(transaction.receiver()).isEqualTo(new ClaimParty("CLEARINGHOUSE INC", "CH99999"));
        assertThat(transaction.claims()).hasSize(1);
    }

    @Test
    void readsTheTelehealthClaimOfADependent() throws MalformedX12Exception {
        BilledClaim claim = telehealthForADependent().parse().transactions().get(0).claims().get(0);

        assertThat(claim.kind()).isEqualTo(ClaimKind.PROFESSIONAL);
        assertThat(claim.patientControlNumber()).isEqualTo("PCN-1001");
        assertThat(claim.charge()).isEqualByComparingTo("475");
        assertThat(claim.facilityCode()).isEqualTo("10");
        assertThat(claim.placeOfService()).isEqualTo("10");
        assertThat(claim.facilityQualifier()).isEqualTo("B");
        assertThat(claim.frequency()).isEqualTo("1");
        assertThat(claim.typeOfBill()).isNull();
        assertThat(claim.payer()).isEqualTo(new ClaimParty("BLUE PLAN", "BP001"));
        assertThat(claim.filingIndicator()).isEqualTo("BL");
        assertThat(claim.billingProvider())
                .isEqualTo(new ClaimProvider("1234567893", "RIVERSIDE COUNSELING", null, "261QM0801X", "741234567",
                        new ClaimAddress("12 RIVER RD", null, "SPRINGFIELD", "IL", "627010000")));
        assertThat(claim.renderingProvider())
                .isEqualTo(new ClaimProvider("1098765432", "NGUYEN", "MAI", "1041C0700X", null, null));
        assertThat(claim.renderedBy().displayName()).isEqualTo("MAI NGUYEN");
        assertThat(claim.subscriber())
                .isEqualTo(new ClaimPerson("W123456789", "RIVERA", "ANA", LocalDate.of(1980, 2, 14), "F"));
        assertThat(claim.patient())
                .isEqualTo(new ClaimPerson("W123456789", "RIVERA", "LUCAS", LocalDate.of(2010, 9, 5), "M"));
        // codes as sent without their dot, principal first
        assertThat(claim.diagnoses()).containsExactly("F331", "F411", "Z630");
        // the claim's REF*G1, not the other payer's
        assertThat(claim.priorAuthorization()).isEqualTo("AUTH-55");
        assertThat(claim.referral()).isEqualTo("REF-77");
        assertThat(claim.originalReference()).isNull();
        assertThat(claim.admissionDate()).isNull();
        assertThat(claim.dischargeDate()).isNull();
        assertThat(claim.statementFrom()).isNull();
        assertThat(claim.statementTo()).isNull();
        assertThat(claim.occurrenceSpans()).isEmpty();
        assertThat(claim.firstServiceDate()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(claim.lastServiceDate()).isEqualTo(LocalDate.of(2024, 3, 11));
    }

    @Test
    void readsEveryFieldOfTheLines() throws MalformedX12Exception {
        List<BilledLine> lines = telehealthForADependent().parse().transactions().get(0).claims().get(0).lines();

        BilledLine psychotherapy = new BilledLine(1, null, "HC", "90837", List.of("95"), new BigDecimal("200"), "UN",
                new BigDecimal("1"), null, List.of(1, 2), LocalDate.of(2024, 3, 4), null, null, "LINE-1", null);
        // the E/M and its psychotherapy add-on, in the office (SV105 11), by the psychiatrist (2420A)
        BilledLine evaluation = new BilledLine(2, null, "HC", "99214", List.of("25"), new BigDecimal("150"), "UN",
                new BigDecimal("1"), "11", List.of(1), LocalDate.of(2024, 3, 11), null, null, "LINE-2",
                "1555555555");
        BilledLine addOn = new BilledLine(3, null, "HC", "90833", List.of(), new BigDecimal("125"), "UN",
                new BigDecimal("1"), "11", List.of(1, 3), LocalDate.of(2024, 3, 11), null, "AUTH-LINE-3", "LINE-3",
                "1555555555");
        assertThat(lines).containsExactly(psychotherapy, evaluation, addOn);
    }

    @Test
    void readsIntensiveOutpatientProgramsBilledByTheWeekForTheSubscriberHimself() throws MalformedX12Exception {
        BilledClaim claim = Edi837.professional(
                        "CLM*IOP-2024-14*1150***11:B:1*Y*A*Y*Y",
                        "HI*ABK:F10.20*ABF:F33.1",
                        "LX*1",
                        "SV1*HC:H0015:HF*750*UN*5***1",
                        "DTP*472*RD8*20240401-20240405",
                        "REF*G1*IOP-AUTH-1",
                        "LX*2",
                        "SV1*HC:S9480*400*DA*2***2:1",
                        "DTP*472*RD8*20240408-20240409")
                .parse().transactions().get(0).claims().get(0);

        assertThat(claim.patient()).isEqualTo(claim.subscriber());
        assertThat(claim.patient()).extracting("memberId", "firstName").containsExactly("MCD778899", "ANA");
        assertThat(claim.filingIndicator()).isEqualTo("MC");
        assertThat(claim.renderingProvider()).isNull();
        assertThat(claim.renderedBy().npi()).isEqualTo("1234567893");
        assertThat(claim.lines()).extracting(BilledLine::procedure, BilledLine::modifiers, BilledLine::unitBasis,
                        BilledLine::units, BilledLine::diagnosisPointers, BilledLine::serviceDate,
                        BilledLine::serviceDateTo, BilledLine::priorAuthorization)
                .containsExactly(
                        tuple("H0015", List.of("HF"), "UN", new BigDecimal("5"), List.of(1),
                                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 5), "IOP-AUTH-1"),
                        tuple("S9480", List.of(), "DA", new BigDecimal("2"), List.of(2, 1),
                                LocalDate.of(2024, 4, 8), LocalDate.of(2024, 4, 9), null));
        assertThat(claim.firstServiceDate()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(claim.lastServiceDate()).isEqualTo(LocalDate.of(2024, 4, 9));
    }

    @Test
    void readsReplacementAndVoidOfAPaidClaim() throws MalformedX12Exception {
        ClaimTransaction transaction = Edi837.professional(
                        "CLM*PCN-1001*200***11:B:7*Y*A*Y*Y",
                        "REF*F8*PAYER-ICN-889900",
                        "HI*ABK:F4310",
                        "LX*1",
                        "SV1*HC:90834:GT*200*UN*1***1",
                        "DTP*472*D8*20240304",
                        "CLM*PCN-1002*150***11:B:8*Y*A*Y*Y",
                        "REF*F8*PAYER-ICN-889901",
                        "HI*ABK:F4310",
                        "LX*1",
                        "SV1*HC:90832*150*UN*1***1",
                        "DTP*472*D8*20240305")
                .parse().transactions().get(0);

        assertThat(transaction.claims()).extracting(BilledClaim::patientControlNumber, BilledClaim::frequency,
                        BilledClaim::originalReference)
                .containsExactly(tuple("PCN-1001", "7", "PAYER-ICN-889900"), tuple("PCN-1002", "8",
                        "PAYER-ICN-889901"));
        assertThat(transaction.claims().get(0).lines().get(0).modifiers()).containsExactly("GT");
    }

    @Test
    void readsTheHospitalizationDatesOfAnInpatientPsychiatricVisit() throws MalformedX12Exception {
        BilledClaim claim = Edi837.professional(
                        "CLM*IP-77*180***51:B:1*Y*A*Y*Y",
                        "DTP*435*D8*20240310",
                        "DTP*096*D8*20240318",
                        "HI*ABK:F2090",
                        "LX*1",
                        "SV1*HC:99232*180*UN*1***1",
                        "DTP*472*D8*20240312")
                .parse().transactions().get(0).claims().get(0);

        assertThat(claim.placeOfService()).isEqualTo("51");
        assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(claim.dischargeDate()).isEqualTo(LocalDate.of(2024, 3, 18));
    }

    @Test
    void readsSeveralSubscribersOfOneBillingProviderEachWithTheirClaims() throws MalformedX12Exception {
        ClaimTransaction transaction = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL)
                .transaction("0001").header().billingProvider("1").subscriberPatient("2", "1")
                .segment("CLM*A-1*100***11:B:1*Y*A*Y*Y").segment("LX*1").segment("SV1*HC:90791*100*UN*1")
                .segment("CLM*A-2*90***11:B:1*Y*A*Y*Y").segment("LX*1").segment("SV1*HC:90834*90*UN*1")
                .segment("HL*3*1*22*0").segment("SBR*P*18*******CI")
                .segment("NM1*IL*1*OKAFOR*JAMES****MI*ZZ5550001").segment("NM1*PR*2*COMMERCIAL PLAN*****PI*CP9")
                .segment("CLM*B-1*60***02:B:1*Y*A*Y*Y").segment("LX*1").segment("SV1*HC:90853*60*UN*1")
                .closeAll().parse().transactions().get(0);

        assertThat(transaction.claims()).extracting(BilledClaim::patientControlNumber,
                        c -> c.subscriber().lastName(), c -> c.payer().id(), BilledClaim::filingIndicator,
                        BilledClaim::placeOfService)
                .containsExactly(tuple("A-1", "RIVERA", "77001", "MC", "11"),
                        tuple("A-2", "RIVERA", "77001", "MC", "11"), tuple("B-1", "OKAFOR", "CP9", "CI", "02"));
        // DMG is optional: a subscriber without one has no birth date
        assertThat(transaction.claims().get(2).subscriber().birthDate()).isNull();
        assertThat(transaction.claims().get(2).diagnoses()).isEmpty();
    }
}
