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
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/**
 * pyx12's 4010 samples (azoner/pyx12, BSD-3-Clause): Kalamazoo community mental health encounters, the only real
 * behavioral-health 837P/837I there are. 4010 is read for them: the NM108 24/34 tax ids, the empty CLM05-2.
 */
class PyX12ClaimSampleTest {

    @Test
    void readsCommunityMentalHealthEncountersUnderOneSubscriber() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse("pyx12__4010-cmh-h2015-prior-auth-2-claims.837")
                .transactions().get(0);

        assertThat(transaction.kind()).isEqualTo(ClaimKind.PROFESSIONAL);
        assertThat(transaction.implementation()).isEqualTo("004010X098A1");
        assertThat(transaction.transactionType()).isEqualTo("RP");
        assertThat(transaction.submittedOn()).isEqualTo(LocalDate.of(2004, 11, 5));
        // CLM02 21 where the lines sum to 42 and 43: kept as sent
        assertThat(transaction.claims()).extracting(BilledClaim::patientControlNumber, BilledClaim::charge,
                        BilledClaim::facilityCode, BilledClaim::facilityQualifier, BilledClaim::frequency,
                        BilledClaim::filingIndicator, BilledClaim::diagnoses)
                .containsExactly(tuple("3215338", new BigDecimal("21"), "12", null, "1", "MC", List.of("317")),
                        tuple("5555", new BigDecimal("21"), "12", null, "1", "MC", List.of("317")));

        BilledClaim first = transaction.claims().get(0);
        // the billing and rendering providers are named by employer id (NM108 24), not NPI
        assertThat(first.billingProvider()).extracting("npi", "taxId").containsExactly(null, "999999999");
        assertThat(first.renderingProvider()).extracting("npi", "lastName", "taxonomy", "taxId")
                .containsExactly(null, "PROVIDER 1", "103T00000X", "222185735");
        // 2330B's REF*F8 3215338 and REF*G1 121282 belong to the other payer, not to this claim
        assertThat(first.priorAuthorization()).isNull();
        assertThat(first.originalReference()).isNull();
        assertThat(first.patient()).isEqualTo(first.subscriber());
        assertThat(first.subscriber().birthDate()).isEqualTo(LocalDate.of(1905, 11, 4));
        assertThat(first.lines()).extracting(BilledLine::procedure, BilledLine::modifiers, BilledLine::units,
                        BilledLine::serviceDate, BilledLine::lineControlNumber)
                .containsExactly(
                        tuple("H2015", List.of("TT"), new BigDecimal("12"), LocalDate.of(2004, 4, 7), "1057296"),
                        tuple("H2015", List.of("TT"), new BigDecimal("12"), LocalDate.of(2004, 4, 14), "1057297"));

        BilledClaim second = transaction.claims().get(1);
        assertThat(second.renderingProvider()).isNull();
        assertThat(second.lines()).extracting(BilledLine::procedure, BilledLine::charge, BilledLine::serviceDate)
                .containsExactly(tuple("H2015", new BigDecimal("21"), LocalDate.of(2004, 4, 7)),
                        tuple("H2015", new BigDecimal("21"), LocalDate.of(2004, 4, 14)),
                        tuple("H2017", new BigDecimal("1"), LocalDate.of(2005, 4, 14)));
    }

    @Test
    void readsInstitutionalReplacementEncounters() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse("pyx12__4010-837i-cmh-encounter-replacement-freq7.837")
                .transactions().get(0);

        assertThat(transaction.kind()).isEqualTo(ClaimKind.INSTITUTIONAL);
        assertThat(transaction.implementation()).isEqualTo("004010X096A1");
        assertThat(transaction.transactionType()).isEqualTo("RP");
        // both replace a claim (frequency 7, REF*F8); 2330B's REF*F8 1253278 is the other payers'
        assertThat(transaction.claims()).extracting(BilledClaim::patientControlNumber, BilledClaim::charge,
                        BilledClaim::typeOfBill, BilledClaim::frequency, BilledClaim::originalReference)
                .containsExactly(tuple("12522228", new BigDecimal("0"), "0117", "7", "12522228"),
                        tuple("12522229", new BigDecimal("0"), "0117", "7", "12522228"));

        BilledClaim first = transaction.claims().get(0);
        // ICD-9 296.89 as principal (BK) and admitting (BJ) diagnosis
        assertThat(first.diagnoses()).containsExactly("29689", "29689");
        assertThat(first.admissionDate()).isEqualTo(LocalDate.of(2003, 12, 13));
        assertThat(first.statementFrom()).isEqualTo(LocalDate.of(2003, 12, 13));
        assertThat(first.statementTo()).isEqualTo(LocalDate.of(2003, 12, 18));
        assertThat(first.dischargeDate()).isNull();
        assertThat(first.filingIndicator()).isEqualTo("11");
        // the attending provider (NM108 34: a social security number) with the counselor taxonomy; the service
        // facility's PRV*RP is not taken for it
        assertThat(first.renderingProvider()).extracting("npi", "lastName", "taxonomy")
                .containsExactly(null, "EXTERNAL", "101Y00000X");
        // the other payers' DMG (1957) does not replace the subscriber's
        assertThat(first.subscriber().birthDate()).isEqualTo(LocalDate.of(1927, 3, 12));
        assertThat(transaction.claims()).flatExtracting(BilledClaim::lines)
                .extracting(BilledLine::revenueCode, BilledLine::procedure, BilledLine::charge, BilledLine::units,
                        BilledLine::serviceDate, BilledLine::serviceDateTo)
                .containsExactly(
                        tuple("0100", null, new BigDecimal("0"), new BigDecimal("5"), LocalDate.of(2003, 12, 13),
                                LocalDate.of(2003, 12, 18)),
                        tuple("0101", null, new BigDecimal("0"), new BigDecimal("5"), LocalDate.of(2003, 12, 14),
                                LocalDate.of(2003, 12, 18)),
                        tuple("0102", null, new BigDecimal("0"), new BigDecimal("5"), LocalDate.of(2003, 12, 12),
                                LocalDate.of(2003, 12, 18)),
                        tuple("0103", null, new BigDecimal("0"), new BigDecimal("5"), LocalDate.of(2003, 12, 13),
                                LocalDate.of(2003, 12, 18)),
                        tuple("0104", null, new BigDecimal("0"), new BigDecimal("5"), LocalDate.of(2003, 12, 14),
                                LocalDate.of(2003, 12, 18)),
                        tuple("0105", null, new BigDecimal("0"), new BigDecimal("5"), LocalDate.of(2003, 12, 12),
                                LocalDate.of(2003, 12, 18)));
    }

    @Test
    void readsTheVoidWithInvalidCodesOnceItsBirthDateIsADate() throws MalformedX12Exception {
        // as sent, DMG02 19461301 (month 13) refuses the file (RealClaimSampleDecisionTest)
        ClaimTransaction transaction = RealClaimSample.parseRepaired("pyx12__4010-bad-elements-pos95-freq8.837",
                "DMG*D8*19461301*R", "DMG*D8*19460131*R").transactions().get(0);

        BilledClaim claim = transaction.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("6643-1019AA");
        assertThat(claim.charge()).isEqualByComparingTo("999.6");
        // POS 95 is not a place of service, gender R not a gender, "2309-2222" not an NPI: kept as sent
        assertThat(claim.placeOfService()).isEqualTo("95");
        assertThat(claim.frequency()).isEqualTo("8");
        assertThat(claim.subscriber().gender()).isEqualTo("R");
        assertThat(claim.billingProvider().npi()).isEqualTo("2309-2222");
        assertThat(claim.payer().id()).isEqualTo("44-4444444");
        assertThat(claim.diagnoses()).containsExactly("29590");
        assertThat(claim.lines()).singleElement().satisfies(line -> {
            assertThat(line.procedure()).isEqualTo("H2015");
            assertThat(line.charge()).isEqualByComparingTo("14.84");
            assertThat(line.units()).isEqualByComparingTo("6");
            assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2004, 5, 1));
            assertThat(line.lineControlNumber()).isEqualTo("AKLKJ124231AD");
        });
    }
}
