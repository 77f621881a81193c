package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/** StAEDI's own 837P sample (xlate/staedi, Apache-2.0): backtick repetition, line breaks as terminators, 00402. */
class StaediClaimSampleTest {

    @Test
    void readsTheDrugClaimWrittenWithUnusualDelimiters() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse("staedi__backtick-repetition-lf-terminator-00402.837")
                .transactions().get(0);

        assertThat(transaction.implementation()).isEqualTo("005010X222");
        assertThat(transaction.createdOn()).isEqualTo(LocalDate.of(2011, 5, 23));
        BilledClaim claim = transaction.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("945405");
        assertThat(claim.placeOfService()).isEqualTo("12");
        assertThat(claim.filingIndicator()).isEqualTo("BL");
        assertThat(claim.diagnoses()).containsExactly("2533");
        // a 9-digit "NPI" is kept as sent
        assertThat(claim.billingProvider()).extracting("npi", "taxonomy", "taxId")
                .containsExactly("123456789", "333600000X", "300123456");
        assertThat(claim.patient()).extracting("firstName", "birthDate")
                .containsExactly("COLE", LocalDate.of(1994, 9, 21));
        assertThat(claim.lines()).singleElement().satisfies(line -> {
            assertThat(line.procedure()).isEqualTo("J2941");
            assertThat(line.units()).isEqualByComparingTo("84");
            assertThat(line.charge()).isEqualByComparingTo(claim.charge()).isEqualByComparingTo("5332.54");
            assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2011, 5, 11));
            assertThat(line.serviceDateTo()).isEqualTo(LocalDate.of(2011, 5, 11));
            assertThat(line.lineControlNumber()).isEqualTo("1099999731");
            // NM1*DK is the ordering provider (2420E), not the line's rendering provider
            assertThat(line.renderingNpi()).isNull();
        });
    }
}
