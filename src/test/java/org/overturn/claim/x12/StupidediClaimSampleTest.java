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
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/** stupidedi's TR3 examples (kputnam/stupidedi, BSD-3-Clause): facts from samples/x12/real/SOURCES.md. */
class StupidediClaimSampleTest {

    @Test
    void readsTheCommercialExampleWrittenOnOneLine() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse("stupidedi__x222a1-example1-commercial-one-line.837")
                .transactions().get(0);

        assertThat(transaction.kind()).isEqualTo(ClaimKind.PROFESSIONAL);
        assertThat(transaction.implementation()).isEqualTo("005010X222A1");
        assertThat(transaction.interchangeControlNumber()).isEqualTo("000010216");
        assertThat(transaction.interchangeDate()).isEqualTo(LocalDate.of(2006, 10, 15));
        assertThat(transaction.groupControlNumber()).isEqualTo("20213");
        assertThat(transaction.controlNumber()).isEqualTo("0021");
        assertThat(transaction.purpose()).isEqualTo("00");
        assertThat(transaction.reference()).isEqualTo("244579");
        assertThat(transaction.createdOn()).isEqualTo(LocalDate.of(2006, 10, 15));
        assertThat(transaction.transactionType()).isEqualTo("CH");
        assertThat(transaction.submitter()).isEqualTo(new ClaimParty("PREMIER BILLING SERVICE", "TGJ23"));
        assertThat(transaction.receiver()).isEqualTo(new ClaimParty("KEY INSURANCE COMPANY", "66783JJT"));

        BilledClaim claim = transaction.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("26463774");
        assertThat(claim.charge()).isEqualByComparingTo("100");
        assertThat(claim.placeOfService()).isEqualTo("11");
        assertThat(claim.facilityQualifier()).isEqualTo("B");
        assertThat(claim.frequency()).isEqualTo("1");
        assertThat(claim.payer()).isEqualTo(new ClaimParty("KEY INSURANCE COMPANY", "999996666"));
        assertThat(claim.filingIndicator()).isEqualTo("CI");
        // the NPI fails its check digit: kept as sent, that is for a separate rule to say
        assertThat(claim.billingProvider().npi()).isEqualTo("9876543210");
        assertThat(claim.billingProvider().taxonomy()).isEqualTo("203BF0100Y");
        assertThat(claim.billingProvider().taxId()).isEqualTo("587654321");
        assertThat(claim.renderingProvider()).isNull();
        assertThat(claim.renderedBy()).isSameAs(claim.billingProvider());
        // HL 23: the patient is a dependent, filed under the subscriber's member id
        assertThat(claim.subscriber()).extracting("memberId", "lastName", "firstName", "birthDate", "gender")
                .containsExactly("JS00111223333", "SMITH", "JANE", LocalDate.of(1943, 5, 1), "F");
        assertThat(claim.patient()).extracting("memberId", "lastName", "firstName", "birthDate", "gender")
                .containsExactly("JS00111223333", "SMITH", "TED", LocalDate.of(1973, 5, 1), "M");
        // ICD-9 BK/BF, no REF*G1
        assertThat(claim.diagnoses()).containsExactly("0340", "V7389");
        assertThat(claim.priorAuthorization()).isNull();
        assertThat(claim.lines()).extracting(BilledLine::number, BilledLine::procedure, BilledLine::modifiers,
                        BilledLine::charge, BilledLine::diagnosisPointers, BilledLine::serviceDate)
                .containsExactly(
                        tuple(1, "99213", List.of(), new BigDecimal("40"), List.of(1), LocalDate.of(2006, 10, 3)),
                        tuple(2, "87070", List.of(), new BigDecimal("15"), List.of(1), LocalDate.of(2006, 10, 3)),
                        tuple(3, "99214", List.of(), new BigDecimal("35"), List.of(2), LocalDate.of(2006, 10, 10)),
                        tuple(4, "86663", List.of(), new BigDecimal("10"), List.of(2), LocalDate.of(2006, 10, 10)));
        assertThat(claim.lines().stream().map(BilledLine::charge).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(claim.charge());
    }

    @Test
    void readsTheCoordinationOfBenefitsExampleAfterItsProse() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse("stupidedi__x222-example3b-cob-prose-header.837")
                .transactions().get(0);

        assertThat(transaction.implementation()).isEqualTo("005010X222");
        BilledClaim claim = transaction.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("26407789");
        assertThat(claim.charge()).isEqualByComparingTo("79.04");
        assertThat(claim.typeOfBill()).isNull();
        assertThat(claim.placeOfService()).isEqualTo("11");
        // the claim's payer is 2010BB's; 2330B (KEY INSURANCE COMPANY, the primary that paid) is not it
        assertThat(claim.payer()).isEqualTo(new ClaimParty("GREAT PRAIRIES HEALTH", "567890"));
        assertThat(claim.filingIndicator()).isEqualTo("CI");
        assertThat(claim.billingProvider().displayName()).isEqualTo("BEN KILDARE");
        assertThat(claim.renderingProvider()).extracting("npi", "lastName", "firstName", "taxonomy")
                .containsExactly("1234567893", "KILDARE", "BEN", "204C00000X");
        assertThat(claim.patient().firstName()).isEqualTo("TED");
        assertThat(claim.patient().memberId()).isEqualTo("222334444");
        assertThat(claim.diagnoses()).containsExactly("4779", "2724", "27802", "53081");
        assertThat(claim.lines()).extracting(BilledLine::procedure, BilledLine::charge, BilledLine::diagnosisPointers)
                .containsExactly(tuple("99213", new BigDecimal("43"), List.of(1, 2, 3, 4)),
                        tuple("90782", new BigDecimal("15"), List.of(1, 2)),
                        tuple("J3301", new BigDecimal("21.04"), List.of(1, 2)));
        // SVD's DTP*573 (adjudication date, loop 2430) is not the date of service
        assertThat(claim.lines()).extracting(BilledLine::serviceDate).containsOnly(LocalDate.of(2005, 10, 3));
    }

    @Test
    void readsTheMedicareSecondaryExampleOnceItsGroupIsHc() throws MalformedX12Exception {
        BilledClaim claim = RealClaimSample.parseRepaired("stupidedi__x222-fail-4-msp-with-error-list.837",
                "GS*XX*", "GS*HC*").transactions().get(0).claims().get(0);

        // the validator's other findings are content a payer judges: NPIs that fail the check digit, CLM10 B,
        // REF*G2, DMG in 2320, OI04 B
        assertThat(claim.patientControlNumber()).isEqualTo("101KEN6055");
        assertThat(claim.filingIndicator()).isEqualTo("MB");
        assertThat(claim.billingProvider().npi()).isEqualTo("0100000009");
        assertThat(claim.renderingProvider()).extracting("npi", "taxonomy")
                .containsExactly("9090909090", "207X00000X");
        assertThat(claim.diagnoses()).containsExactly("71516", "71906");
        assertThat(claim.lines()).singleElement().satisfies(line -> {
            assertThat(line.procedure()).isEqualTo("99203");
            assertThat(line.modifiers()).containsExactly("25");
            assertThat(line.diagnosisPointers()).containsExactly(1, 2);
        });
    }

    @Test
    void readsTwoInstitutionalClaimsOfOneProvider() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parse(
                "stupidedi__x223a2-two-claims-same-provider-one-line.837").transactions().get(0);

        assertThat(transaction.kind()).isEqualTo(ClaimKind.INSTITUTIONAL);
        assertThat(transaction.claims()).extracting(BilledClaim::patientControlNumber, BilledClaim::charge,
                        BilledClaim::typeOfBill, BilledClaim::facilityQualifier, BilledClaim::filingIndicator)
                .containsExactly(tuple("756048Q", new BigDecimal("89.95"), "0131", "A", "CH"),
                        tuple("756049Q", new BigDecimal("50"), "0131", "A", "CH"));

        BilledClaim first = transaction.claims().get(0);
        assertThat(first.placeOfService()).isNull();
        assertThat(first.billingProvider()).extracting("npi", "taxonomy").containsExactly("1234567890", "282N00000X");
        // no rendering provider: the attending (2310A) saw the patient; it has no PRV*AT here
        assertThat(first.renderingProvider()).extracting("npi", "lastName", "taxonomy")
                .containsExactly("1122334455", "JONES", null);
        assertThat(first.diagnoses()).containsExactly("3669", "4019", "79431");
        assertThat(first.statementFrom()).isEqualTo(LocalDate.of(2005, 3, 15));
        assertThat(first.statementTo()).isEqualTo(LocalDate.of(2005, 3, 15));
        assertThat(first.lines()).extracting(BilledLine::revenueCode, BilledLine::procedure, BilledLine::units,
                        BilledLine::diagnosisPointers)
                .containsExactly(tuple("0305", "85025", new BigDecimal("1"), List.of()),
                        tuple("0730", "93010", new BigDecimal("3"), List.of()));

        BilledClaim second = transaction.claims().get(1);
        assertThat(second.renderingProvider()).extracting("npi", "taxonomy")
                .containsExactly("9999999999", "363LP0200N");
        assertThat(second.diagnoses()).containsExactly("30000");
        assertThat(second.lines()).extracting(BilledLine::revenueCode, BilledLine::procedure, BilledLine::charge)
                .containsExactly(tuple("0300", "85087", new BigDecimal("50")));
    }
}
