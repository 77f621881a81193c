package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/** LinuxForHealth/x12's TR3 example 12 (Apache-2.0): composites written with '>' where ISA16 declares ':'. */
class LinuxForHealthClaimSampleTest {

    @Test
    void readsCompositesWrittenWithAnotherSeparatorThanDeclared() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse(
                "linuxforhealth__x222a2-example12-out-of-network-gt-components.837").transactions().get(0);

        assertThat(transaction.implementation()).isEqualTo("005010X222A2");
        assertThat(transaction.submittedOn()).isEqualTo(LocalDate.of(2005, 7, 11));
        assertThat(transaction.interchangeDate()).isEqualTo(LocalDate.of(2013, 10, 31));
        BilledClaim claim = transaction.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("TS234H3");
        // CLM05 23>B>1, HI*BK>9951, SV1*HC>99284
        assertThat(claim.facilityCode()).isEqualTo("23");
        assertThat(claim.facilityQualifier()).isEqualTo("B");
        assertThat(claim.frequency()).isEqualTo("1");
        assertThat(claim.diagnoses()).containsExactly("9951");
        assertThat(claim.lines()).singleElement().satisfies(line -> {
            assertThat(line.procedure()).isEqualTo("99284");
            assertThat(line.charge()).isEqualByComparingTo(claim.charge());
            assertThat(line.units()).isEqualByComparingTo("1");
            assertThat(line.diagnosisPointers()).containsExactly(1);
        });
        // the secondary payer's loops (SBR09 12, 2330A member 23424570, 2330B) are not the claim's
        assertThat(claim.payer()).isEqualTo(new ClaimParty("CONSERVATIVE INSURANCE", "00123"));
        assertThat(claim.filingIndicator()).isEqualTo("CI");
        assertThat(claim.patient()).extracting("memberId", "firstName", "birthDate")
                .containsExactly("57976235C", "TOM", LocalDate.of(1996, 8, 7));
        assertThat(claim.renderingProvider()).extracting("npi", "lastName", "firstName")
                .containsExactly("1112223336", "BLUE", "JACKIE");
        assertThat(claim.priorAuthorization()).isNull();
    }
}
