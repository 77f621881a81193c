package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/** KeyMarkInc/OopFactory.X12's 837P samples (CDDL-1.0). */
class OopFactoryClaimSampleTest {

    @Test
    void readsIndentedFileTerminatedByLineBreaksWithNoneAfterItsLastSegment() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse("oopfactory__st1309-bom-lf-terminator-indented.837")
                .transactions().get(0);

        assertThat(transaction.reference()).isEqualTo("000003774;440;1309");
        assertThat(transaction.interchangeDate()).isEqualTo(LocalDate.of(2013, 3, 15));
        BilledClaim claim = transaction.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("B330004Y");
        assertThat(claim.charge()).isEqualByComparingTo("360");
        assertThat(claim.placeOfService()).isEqualTo("11");
        assertThat(claim.filingIndicator()).isEqualTo("HM");
        assertThat(claim.payer()).isEqualTo(new ClaimParty("ABC Health Plans", "91919191"));
        // DMG 18000101*U: a placeholder, kept as sent
        assertThat(claim.subscriber()).extracting("birthDate", "gender")
                .containsExactly(LocalDate.of(1800, 1, 1), "U");
        assertThat(claim.patient()).extracting("lastName", "firstName", "birthDate", "memberId")
                .containsExactly("JONES", "C ANN", LocalDate.of(1998, 6, 25), "X9999999");
        assertThat(claim.diagnoses()).containsExactly("84500");
        // 2310B (before SBR*S); the other payer's billing provider (2330G NM1*85) is not the billing provider
        assertThat(claim.renderingProvider()).extracting("lastName", "firstName", "taxonomy")
                .containsExactly("DOE", "DAVID", "207X00000X");
        assertThat(claim.billingProvider()).extracting("lastName", "taxId")
                .containsExactly("ABC PEDIATRIC ORTHOPAED", "123456789");
        assertThat(claim.lines()).extracting(BilledLine::procedure, BilledLine::charge, BilledLine::placeOfService,
                        BilledLine::diagnosisPointers, BilledLine::lineControlNumber)
                .containsExactly(tuple("99204", new BigDecimal("250"), "11", List.of(1), "17053"),
                        tuple("73610", new BigDecimal("110"), "11", List.of(1), "17054"));
    }

    @Test
    void readsTheMaskedMedicaidFileOnceItsNameWithoutEntityCodeIsRemoved() throws MalformedX12Exception {
        // as sent, NM1**1*... refuses the file (RealClaimSampleDecisionTest); without it, it is OopFactory's
        // MedicaidExample.txt
        ClaimFile file = RealClaimSample.parseRepaired(
                "oopfactory__masked-tx-medicaid-5-claims-missing-entity-code.837",
                "            NM1**1*XXXX*****XX*9999999999~\n", "");

        assertThat(file.claimCount()).isEqualTo(5);
        List<BilledClaim> claims = file.transactions().get(0).claims();
        // CLM05 99>X>9: an invalid place, qualifier and frequency, kept as sent
        assertThat(claims).extracting(BilledClaim::patientControlNumber, BilledClaim::facilityCode,
                        BilledClaim::facilityQualifier, BilledClaim::frequency, BilledClaim::filingIndicator,
                        BilledClaim::referral)
                .containsOnly(tuple("9999", "99", "X", "9", "ZZ", "99999999"));
        assertThat(claims).extracting(c -> c.subscriber().birthDate())
                .containsExactly(LocalDate.of(1991, 4, 6), LocalDate.of(1991, 4, 6), LocalDate.of(1991, 4, 6),
                        LocalDate.of(1999, 11, 30), LocalDate.of(1999, 11, 30));
        assertThat(claims).flatExtracting(BilledClaim::lines).hasSize(10)
                .extracting(BilledLine::procedureQualifier, BilledLine::procedure, BilledLine::diagnosisPointers)
                .containsOnly(tuple("XX", "99999", List.of()), tuple("XX", "X9999", List.of()));
        assertThat(claims.get(0).billingProvider().taxonomy()).isEqualTo("999X99999X");
    }
}
