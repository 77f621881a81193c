package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.OccurrenceSpan;
import org.overturn.x12.MalformedX12Exception;

/**
 * TigerShark's two psychiatric inpatient 837Is (jdavisp3/TigerShark, BSD-3-Clause). As sent the first interchange
 * stops after its line and the file is refused (RealClaimSampleDecisionTest); closed here, both claims are read.
 */
class TigerSharkClaimSampleTest {

    private static final String FILE = "tigershark__4010-837i-psych-inpatient-truncated-interchange.837";

    private static ClaimFile closed() throws MalformedX12Exception {
        return RealClaimSample.parseRepaired(FILE, "DTP*472*D8*20030201~\n",
                "DTP*472*D8*20030201~\nSE*51*30001~\nGE*1*3~\nIEA*1*000000003~\n");
    }

    @Test
    void readsBothInterchangesOnceTheFirstIsClosed() throws MalformedX12Exception {
        ClaimFile file = closed();

        // unpadded ISA headers; the second SE says 74 where there are 73: accepted
        assertThat(file.transactions()).extracting("interchangeControlNumber", "interchangeDate", "createdOn")
                .containsExactly(tuple("000000003", LocalDate.of(2003, 2, 28), LocalDate.of(2003, 2, 28)),
                        tuple("000000049", LocalDate.of(2003, 3, 6), LocalDate.of(2002, 11, 6)));
        assertThat(file.claimCount()).isEqualTo(2);
    }

    @Test
    void readsThePsychiatricInpatientClaimWithItsPriorAuthorization() throws MalformedX12Exception {
        BilledClaim claim = closed().transactions().get(0).claims().get(0);

        assertThat(claim.patientControlNumber()).isEqualTo("12225850");
        assertThat(claim.charge()).isEqualByComparingTo("10157.05");
        assertThat(claim.typeOfBill()).isEqualTo("0111");
        // REF*G1 in 2300 is the claim's
        assertThat(claim.priorAuthorization()).isEqualTo("MAA36169000029");
        assertThat(claim.originalReference()).isEqualTo("MAA36169000029");
        // ICD-9 293.82 principal, 298.9 admitting, then the others in file order (E932.0 an external cause)
        assertThat(claim.diagnoses()).containsExactly("29382", "2989", "12345", "E9320");
        assertThat(claim.occurrenceSpans())
                .containsExactly(new OccurrenceSpan("11", LocalDate.of(2002, 3, 30), LocalDate.of(2002, 4, 2)));
        assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2002, 4, 9));
        // DTP*434 sent as D8: a one-day statement period; the discharge hour (TM) dates the discharge by it
        assertThat(claim.statementFrom()).isEqualTo(LocalDate.of(2003, 1, 16));
        assertThat(claim.statementTo()).isEqualTo(LocalDate.of(2003, 1, 16));
        assertThat(claim.dischargeDate()).isEqualTo(LocalDate.of(2003, 1, 16));
        // billing PRV (PE in 2000A, psychologist), billing agent named by employer id
        assertThat(claim.billingProvider()).extracting("npi", "taxonomy", "taxId")
                .containsExactly(null, "103T00000X", "123456789");
        assertThat(claim.renderingProvider()).extracting("npi", "lastName", "taxonomy")
                .containsExactly("1234567890", "DOCTOR, ONE", "103T00000X");
        assertThat(claim.lines()).extracting(BilledLine::revenueCode, BilledLine::procedure, BilledLine::modifiers,
                        BilledLine::charge, BilledLine::serviceDate)
                .containsExactly(tuple("0150", "270", java.util.List.of("21"), new BigDecimal("2753.00"),
                        LocalDate.of(2003, 2, 1)));
    }

    @Test
    void readsThePsychosesStayWithItsRoomAndBoard() throws MalformedX12Exception {
        BilledClaim claim = closed().transactions().get(1).claims().get(0);

        assertThat(claim.patientControlNumber()).isEqualTo("5006935999");
        assertThat(claim.charge()).isEqualByComparingTo("5370.1");
        // ICD-9 296.30 (major depression); DRG 430 (HI*DR) is not a diagnosis
        assertThat(claim.diagnoses()).containsExactly("29630", "29630", "30019", "3019", "2449", "27800", "7245",
                "V148", "V145");
        assertThat(claim.diagnoses()).doesNotContain("430");
        assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2002, 10, 11));
        assertThat(claim.statementFrom()).isEqualTo(LocalDate.of(2002, 10, 11));
        assertThat(claim.dischargeDate()).isEqualTo(LocalDate.of(2002, 10, 16));
        assertThat(claim.filingIndicator()).isEqualTo("ZZ");
        assertThat(claim.billingProvider()).extracting("npi", "taxonomy")
                .containsExactly("1234567890", "273R000999");
        // the attending of 2310A; the other payer's NM1*71 (2330C) and REF*F8 (2330B) are not this claim's
        assertThat(claim.renderingProvider()).extracting("npi", "taxonomy")
                .containsExactly("1234569990", "203B000999");
        assertThat(claim.originalReference()).isNull();
        // revenue 0124 psychiatric room and board, then pharmacy and laboratory, no procedure codes
        assertThat(claim.lines()).extracting(BilledLine::revenueCode, BilledLine::procedure, BilledLine::charge,
                        BilledLine::units)
                .containsExactly(tuple("0124", null, new BigDecimal("4400"), new BigDecimal("5")),
                        tuple("0250", null, new BigDecimal("2.76"), new BigDecimal("2")),
                        tuple("0259", null, new BigDecimal("410.34"), new BigDecimal("95")),
                        tuple("0300", null, new BigDecimal("557"), new BigDecimal("13")));
        assertThat(claim.lines().stream().map(BilledLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(claim.charge());
    }
}
