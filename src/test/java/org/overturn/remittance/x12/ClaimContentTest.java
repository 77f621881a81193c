package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.Edi835;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.ProviderAdjustment;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceParser;
import org.overturn.remittance.ServiceLine;

/** What the claim, line and provider-level segments of a transaction become. */
class ClaimContentTest {

    private final RemittanceParser parser = RemittanceParser.standard();

    @Test
    void readsClaimPeopleDatesRemarksReferencesAndAmounts() throws MalformedX12Exception {
        ClaimPayment claim = claim("LX*1", "TS3*1234567893*11*20241231*1*150", "TS2*10",
                "CLP*PCN-9*1*150*100*20*HM*PAYER-9*11*1", "CAS*CO*45*30",
                "NM1*QC*1*DOE*JANE*Q***MI*M123", "NM1*IL*1*DOE*JOHN****MI*M999", "NM1*74*1*DOE-SMITH*JANE",
                "NM1*82*1*RIVERA*ANA****XX*1987654321", "NM1*TT*2*CROSSOVER PLAN*****PI*CO1",
                "MIA*0***138.4*N54", "MOA***MA02*M62", "REF*F8*ORIGINAL-1", "REF*F8*SECOND", "REF*EA*MR-77",
                "DTM*232*20240301", "DTM*233*20240302", "DTM*050*20240310", "DTM*036*20241231", "PER*CX*CLAIMS",
                "AMT*AU*100", "QTY*CA*2");

        assertThat(claim.patientControlNumber()).isEqualTo("PCN-9");
        assertThat(claim.patientResponsibility()).isEqualByComparingTo("20");
        assertThat(claim.filingIndicator()).isEqualTo("HM");
        assertThat(claim.payerClaimControlNumber()).isEqualTo("PAYER-9");
        assertThat(claim.facilityCode()).isEqualTo("11");
        assertThat(claim.frequencyCode()).isEqualTo("1");
        assertThat(claim.patient().last()).isEqualTo("DOE");
        assertThat(claim.patient().middle()).isEqualTo("Q");
        assertThat(claim.insured().id()).isEqualTo("M999");
        assertThat(claim.memberId()).as("insured's id first").isEqualTo("M999");
        assertThat(claim.correctedPatient().last()).isEqualTo("DOE-SMITH");
        assertThat(claim.renderingProvider().idQualifier()).isEqualTo("XX");
        assertThat(claim.renderingProvider().id()).isEqualTo("1987654321");
        assertThat(claim.remarks()).containsExactly("N54", "MA02", "M62");
        assertThat(claim.references()).containsEntry("F8", "ORIGINAL-1").containsEntry("EA", "MR-77");
        assertThat(claim.statementFrom()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(claim.statementTo()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(claim.receivedDate()).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(claim.amounts()).containsEntry("AU", new BigDecimal("100"));
        assertThat(claim.adjustments()).extracting(Adjustment::level).containsExactly(Adjustment.Level.CLAIM);
        assertThat(claim.lines()).isEmpty();
    }

    @Test
    void readsServiceLineProcedureModifiersOriginalCodeDatesAndRemarks() throws MalformedX12Exception {
        ClaimPayment claim = claim("CLP*PCN-1*1*300*200**12*P1",
                "SVC*HC:90837:95:GT:HO:U4*150*100*0900*1*HC:90834", "DTM*150*20240301", "DTM*151*20240303",
                "CAS*CO*45*50", "REF*6R*LINE-1", "REF*LU*02", "AMT*B6*100", "QTY*ZL*1", "LQ*HE*N290", "LQ*RX*77",
                "LQ*HE*M77",
                "SVC*HC:90785*150*100**2", "DTM*472*20240305", "CAS*PR*3*50");

        ServiceLine first = claim.lines().get(0);
        assertThat(first.procedureQualifier()).isEqualTo("HC");
        assertThat(first.procedure()).isEqualTo("90837");
        assertThat(first.modifiers()).containsExactly("95", "GT", "HO", "U4");
        assertThat(first.revenueCode()).isEqualTo("0900");
        assertThat(first.units()).isEqualByComparingTo("1");
        assertThat(first.originalProcedure()).isEqualTo("90834");
        assertThat(first.serviceDate()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(first.serviceDateTo()).isEqualTo(LocalDate.of(2024, 3, 3));
        assertThat(first.references()).containsEntry("6R", "LINE-1").containsEntry("LU", "02");
        assertThat(first.allowed()).isEqualByComparingTo("100");
        assertThat(first.remarks()).as("LQ*RX is an NCPDP code, not a remark").containsExactly("N290", "M77");
        ServiceLine second = claim.lines().get(1);
        assertThat(second.serviceDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(second.units()).isEqualByComparingTo("2");
        assertThat(second.adjustments()).extracting(Adjustment::level, Adjustment::group)
                .containsExactly(tuple(Adjustment.Level.LINE, "PR"));
        assertThat(claim.adjustments()).isEmpty();
    }

    @Test
    void keepsClaimOnlyAndLineOnlyAdjustmentsApart() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("CLP*CLAIM-ONLY*4*200*0**12", "CAS*CO*197*200",
                "CLP*LINE-ONLY*1*100*80**12", "SVC*HC:90834*100*80", "CAS*CO*45*20");

        ClaimPayment claimOnly = advice.claims().get(0);
        ClaimPayment lineOnly = advice.claims().get(1);
        assertThat(claimOnly.adjustments()).extracting(Adjustment::reason).containsExactly("197");
        assertThat(claimOnly.lines()).isEmpty();
        assertThat(lineOnly.adjustments()).isEmpty();
        assertThat(lineOnly.allAdjustments()).extracting(Adjustment::level, Adjustment::reason)
                .containsExactly(tuple(Adjustment.Level.LINE, "45"));
    }

    @Test
    void readsAllSixTripletsOfOneAdjustmentSegment() throws MalformedX12Exception {
        ClaimPayment claim = claim("CLP*PCN-6*1*600*0**12",
                "CAS*CO*45*10*1*97*20**B7*30*2*16*40**29*50**197*450*3");

        assertThat(claim.adjustments()).extracting(Adjustment::group, Adjustment::reason,
                        a -> a.amount().toPlainString(), Adjustment::quantity)
                .containsExactly(tuple("CO", "45", "10", new BigDecimal("1")), tuple("CO", "97", "20", null),
                        tuple("CO", "B7", "30", new BigDecimal("2")), tuple("CO", "16", "40", null),
                        tuple("CO", "29", "50", null), tuple("CO", "197", "450", new BigDecimal("3")));
    }

    @Test
    @DisplayName("reversal: CLP02 22 with negative charge, payment and units, followed by the corrected claim")
    void readsReversalWithNegativeAmounts() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("CLP*PCN-R*22*-150*-120*-30*12*PAYER-1", "CAS*PR*2*-30",
                "SVC*HC:90837*-150*-120**-1", "CLP*PCN-R*1*150*100*30*12*PAYER-2", "CAS*PR*2*30", "CAS*CO*45*20");

        ClaimPayment reversal = advice.claims().get(0);
        assertThat(reversal.isReversal()).isTrue();
        assertThat(reversal.charge()).isEqualByComparingTo("-150");
        assertThat(reversal.paid()).isEqualByComparingTo("-120");
        assertThat(reversal.patientResponsibility()).isEqualByComparingTo("-30");
        assertThat(reversal.adjustments().get(0).amount()).isEqualByComparingTo("-30");
        assertThat(reversal.lines().get(0).units()).isEqualByComparingTo("-1");
        assertThat(advice.claims().get(1).isReversal()).isFalse();
    }

    @Test
    void readsEveryPairOfProviderAdjustmentsWithTheirReferences() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("CLP*PCN-1*1*100*100**12",
                "PLB*1234567893*20241231*WO:OVERPAY-1*40*L6*-2.5*FB:FORWARD*10*72:ADV*5*CS*-1*J1:NONREIMB*0.5",
                "PLB*1234567893*20241231*WO:OVERPAY-2*7");

        assertThat(advice.providerAdjustments()).extracting(ProviderAdjustment::reason,
                        ProviderAdjustment::reference, p -> p.amount().toPlainString())
                .containsExactly(tuple("WO", "OVERPAY-1", "40"), tuple("L6", null, "-2.5"),
                        tuple("FB", "FORWARD", "10"), tuple("72", "ADV", "5"), tuple("CS", null, "-1"),
                        tuple("J1", "NONREIMB", "0.5"), tuple("WO", "OVERPAY-2", "7"));
        assertThat(advice.providerAdjustments()).allSatisfy(p -> {
            assertThat(p.providerId()).isEqualTo("1234567893");
            assertThat(p.fiscalPeriodDate()).isEqualTo(LocalDate.of(2024, 12, 31));
        });
        assertThat(advice.claims()).hasSize(1);
    }

    @Test
    void readsPaymentTraceProductionDateAndParties() throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001")
                .segment("BPR*C*1250.5*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20240315")
                .segment("TRN*1*EFT-778*1512345678*SUB").segment("CUR*PR*USD").segment("REF*EV*RECEIVER")
                .segment("DTM*405*20240314")
                .segment("N1*PR*ACME HEALTH PLAN*XV*PLAN-ID").segment("N3*PO BOX 1*FLOOR 2")
                .segment("N4*SPRINGFIELD*IL*62701").segment("REF*2U*PAYER-2U").segment("PER*CX*CLAIMS*TE*8005551212")
                .segment("N1*PE*RIVERSIDE COUNSELING*XX*1234567893").segment("REF*TJ*123456789")
                .segment("RDM*EM*REMITS").segment("CLP*A*1*1250.5*1250.5**12").closeAll();

        RemittanceAdvice advice = parser.parse(edi.stream()).transactions().get(0);

        assertThat(advice.payment()).satisfies(p -> {
            assertThat(p.handlingCode()).isEqualTo("C");
            assertThat(p.amount()).isEqualByComparingTo("1250.50");
            assertThat(p.creditDebit()).isEqualTo("C");
            assertThat(p.method()).isEqualTo("ACH");
            assertThat(p.date()).isEqualTo(LocalDate.of(2024, 3, 15));
            assertThat(p.trace()).isEqualTo("EFT-778");
            assertThat(p.originatorId()).isEqualTo("1512345678");
        });
        assertThat(advice.productionDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(advice.payer().id()).as("REF*2U wins over N104").isEqualTo("PAYER-2U");
        assertThat(advice.payer().idQualifier()).isEqualTo("XV");
        assertThat(advice.payer().address()).satisfies(a -> {
            assertThat(a.line1()).isEqualTo("PO BOX 1");
            assertThat(a.line2()).isEqualTo("FLOOR 2");
            assertThat(a.city()).isEqualTo("SPRINGFIELD");
            assertThat(a.state()).isEqualTo("IL");
            assertThat(a.postalCode()).isEqualTo("62701");
        });
        assertThat(advice.payee().npi()).isEqualTo("1234567893");
        assertThat(advice.payee().address()).isNull();
        assertThat(advice.payee().references()).containsEntry("TJ", "123456789");
    }

    @Test
    @DisplayName("unknown but well-formed segments anywhere in a transaction are skipped")
    void skipsUnknownSegments() throws MalformedX12Exception {
        RemittanceAdvice advice = advice("ZZZ*ANYTHING*AT*ALL", "CLP*A*1*10*10**12", "XYZ*1", "SVC*HC:90791*10*10",
                "K3*FREE FORM", "CLP*B*1*5*5**12");

        assertThat(advice.claims()).extracting(ClaimPayment::patientControlNumber).containsExactly("A", "B");
        assertThat(advice.claims().get(0).lines()).hasSize(1);
    }

    @Test
    @DisplayName("SVC01 written with '>' under a declared ':' is split on the '>' after its qualifier")
    void splitsProcedureCompositeWrittenWithUndeclaredSeparator() throws MalformedX12Exception {
        ServiceLine line = claim("CLP*A*1*10*10**12", "SVC*HC>H0036>GT>UK*10*10**1*HC>H0035").lines().get(0);

        assertThat(line.procedure()).isEqualTo("H0036");
        assertThat(line.modifiers()).containsExactly("GT", "UK");
        assertThat(line.originalProcedure()).isEqualTo("H0035");
    }

    @Test
    void trimsSpacesAroundValues() throws MalformedX12Exception {
        ClaimPayment claim = claim("CLP* PCN-1 *1*10*10**12", "NM1*QC*1*DOE*JANE****MI* YPB123");

        assertThat(claim.patientControlNumber()).isEqualTo("PCN-1");
        assertThat(claim.memberId()).isEqualTo("YPB123");
    }

    private ClaimPayment claim(String... segments) throws MalformedX12Exception {
        return advice(segments).claims().get(0);
    }

    private RemittanceAdvice advice(String... segments) throws MalformedX12Exception {
        return parser.parse(Edi835.withClaims(segments).stream()).transactions().get(0);
    }
}
