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
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimTransaction;
import org.overturn.claim.OccurrenceSpan;
import org.overturn.x12.MalformedX12Exception;

/**
 * Generated behavioral-health 837Is: partial hospitalization (revenue 0912/0913, type of bill 0131), an inpatient
 * psychiatric stay (0124, type of bill 0111) with admission and discharge, intensive outpatient programs (0905
 * with S9480, 0906 with H0015) replaced and voided. The people and ids are made up.
 */
class BehavioralHealthInstitutionalTest {

    private static BilledClaim only(Edi837 edi) throws MalformedX12Exception {
        ClaimTransaction transaction = edi.parse().transactions().get(0);
        assertThat(transaction.kind()).isEqualTo(ClaimKind.INSTITUTIONAL);
        assertThat(transaction.implementation()).isEqualTo("005010X223A2");
        return transaction.claims().get(0);
    }

    @Test
    void readsPartialHospitalizationWithItsOccurrenceSpanAndProviders() throws MalformedX12Exception {
        BilledClaim claim = only(Edi837.institutional(
                "CLM*PHP-0401*2400***13:A:1**A*Y*Y",
                "DTP*434*RD8*20240401-20240412",
                "CL1*2*1*01",
                "REF*G1*PHP-AUTH-9",
                "HI*ABK:F33.2:::::::Y",
                "HI*APR:R45.851",
                "HI*ABF:F41.1*ABN:X78.9XXA",
                "HI*BI:74:RD8:20240406-20240407",
                "HI*BH:11:D8:20240325",
                "HI*BG:41",
                "NM1*71*1*CHEN*LI****XX*1477777777",
                "PRV*AT*PXC*2084P0800X",
                "NM1*82*1*BROOKS*DANA****XX*1366666666",
                "LX*1",
                "SV2*0912*HC:G0410*1600*UN*8",
                "DTP*472*RD8*20240401-20240405",
                "REF*6R*PHP-L1",
                "LX*2",
                "SV2*0913**800*UN*2",
                "DTP*472*RD8*20240408-20240412",
                "NM1*82*1*OKONJO*ADA****XX*1488888888"));

        assertThat(claim.kind()).isEqualTo(ClaimKind.INSTITUTIONAL);
        assertThat(claim.typeOfBill()).isEqualTo("0131");
        assertThat(claim.facilityCode()).isEqualTo("13");
        assertThat(claim.facilityQualifier()).isEqualTo("A");
        assertThat(claim.placeOfService()).isNull();
        assertThat(claim.statementFrom()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(claim.statementTo()).isEqualTo(LocalDate.of(2024, 4, 12));
        assertThat(claim.priorAuthorization()).isEqualTo("PHP-AUTH-9");
        // principal (its present-on-admission indicator is not a code), then reason for visit, other, external cause
        assertThat(claim.diagnoses()).containsExactly("F332", "R45851", "F411", "X789XXA");
        assertThat(claim.occurrenceSpans())
                .containsExactly(new OccurrenceSpan("74", LocalDate.of(2024, 4, 6), LocalDate.of(2024, 4, 7)));
        // the rendering provider (2310D) saw the patient; the attending (2310A) is responsible for the stay
        assertThat(claim.renderingProvider())
                .isEqualTo(new ClaimProvider("1366666666", "BROOKS", "DANA", null, null, null));
        assertThat(claim.lines()).extracting(BilledLine::revenueCode, BilledLine::procedureQualifier,
                        BilledLine::procedure, BilledLine::charge, BilledLine::units, BilledLine::serviceDate,
                        BilledLine::serviceDateTo, BilledLine::lineControlNumber, BilledLine::renderingNpi,
                        BilledLine::diagnosisPointers)
                .containsExactly(
                        tuple("0912", "HC", "G0410", new BigDecimal("1600"), new BigDecimal("8"),
                                LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 5), "PHP-L1", null, List.of()),
                        tuple("0913", null, null, new BigDecimal("800"), new BigDecimal("2"),
                                LocalDate.of(2024, 4, 8), LocalDate.of(2024, 4, 12), null, "1488888888", List.of()));
    }

    @Test
    void takesTheAttendingProviderWhenNoRenderingProviderIsNamed() throws MalformedX12Exception {
        BilledClaim claim = only(Edi837.institutional(
                "CLM*PHP-0402*800***13:A:1**A*Y*Y",
                "HI*ABK:F33.2",
                "NM1*71*1*CHEN*LI****XX*1477777777",
                "PRV*AT*PXC*2084P0800X",
                "LX*1",
                "SV2*0913*HC:G0411*800*UN*2"));

        assertThat(claim.renderingProvider())
                .isEqualTo(new ClaimProvider("1477777777", "CHEN", "LI", "2084P0800X", null, null));
    }

    @Test
    void readsAnInpatientPsychiatricStayDischargedByTheHour() throws MalformedX12Exception {
        BilledClaim claim = only(Edi837.institutional(
                "CLM*IP-0310*14400***11:A:1**A*Y*Y",
                "DTP*096*TM*1400",
                "DTP*434*RD8*20240310-20240318",
                "DTP*435*DT*202403100830",
                "CL1*1*7*01",
                "HI*ABK:F25.0*ABJ:R45.851*ABF:F12.20",
                "HI*DR:885",
                "NM1*71*1*CHEN*LI****XX*1477777777",
                "PRV*AT*PXC*2084P0800X",
                "LX*1",
                "SV2*0124**14400*DA*8",
                "DTP*472*RD8*20240310-20240317"));

        assertThat(claim.typeOfBill()).isEqualTo("0111");
        assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2024, 3, 10));
        // the 837I sends the discharge hour; the statement period ends on the day of discharge
        assertThat(claim.dischargeDate()).isEqualTo(LocalDate.of(2024, 3, 18));
        // principal, admitting, other; DRG 885 is not a diagnosis
        assertThat(claim.diagnoses()).containsExactly("F250", "R45851", "F1220");
        assertThat(claim.lines()).singleElement().satisfies(line -> {
            assertThat(line.revenueCode()).isEqualTo("0124");
            assertThat(line.procedure()).isNull();
            assertThat(line.modifiers()).isEmpty();
            assertThat(line.unitBasis()).isEqualTo("DA");
            assertThat(line.units()).isEqualByComparingTo("8");
            assertThat(line.placeOfService()).isNull();
        });
        assertThat(claim.lastServiceDate()).isEqualTo(LocalDate.of(2024, 3, 18));
    }

    @Test
    void readsIntensiveOutpatientProgramsReplacedAndVoided() throws MalformedX12Exception {
        ClaimTransaction transaction = Edi837.institutional(
                        "CLM*IOP-0501*1050***13:A:7**A*Y*Y",
                        "DTP*434*RD8*20240506-20240510",
                        "REF*G1*IOP-AUTH-3",
                        "REF*F8*ICN-20240520-77",
                        "HI*ABK:F10.20",
                        "LX*1",
                        "SV2*0906*HC:H0015*750*UN*5",
                        "DTP*472*RD8*20240506-20240510",
                        "REF*G1*IOP-LINE-AUTH",
                        "REF*6R*IOP-L1",
                        "LX*2",
                        "SV2*0905*HC:S9480*300*UN*1",
                        "DTP*472*D8*20240508",
                        "CLM*IOP-0502*300***13:A:8**A*Y*Y",
                        "DTP*434*RD8*20240513-20240513",
                        "REF*F8*ICN-20240527-12",
                        "HI*ABK:F10.20",
                        "LX*1",
                        "SV2*0905*HC:S9480*300*UN*1",
                        "DTP*472*D8*20240513")
                .parse().transactions().get(0);

        assertThat(transaction.claims()).extracting(BilledClaim::patientControlNumber, BilledClaim::typeOfBill,
                        BilledClaim::frequency, BilledClaim::originalReference, BilledClaim::priorAuthorization)
                .containsExactly(tuple("IOP-0501", "0137", "7", "ICN-20240520-77", "IOP-AUTH-3"),
                        tuple("IOP-0502", "0138", "8", "ICN-20240527-12", null));
        assertThat(transaction.claims().get(0).lines()).extracting(BilledLine::revenueCode, BilledLine::procedure,
                        BilledLine::priorAuthorization, BilledLine::lineControlNumber, BilledLine::serviceDateTo)
                .containsExactly(tuple("0906", "H0015", "IOP-LINE-AUTH", "IOP-L1", LocalDate.of(2024, 5, 10)),
                        tuple("0905", "S9480", null, null, null));
    }
}
