package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/**
 * imsweb/x12-parser's 837 test files (BSD-3-Clause). Every one keeps 'U' in ISA11 under version 00501 and is
 * refused for it (see {@link RealClaimSampleDecisionTest}); read here with ISA11 repaired, they show what is
 * tolerated in their content: wrong SE counts, an HL whose parent does not exist, repeated control numbers, HI
 * written with element separators, no HI at all, charges that do not balance.
 */
class ImswebClaimSampleTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"imsweb__different-separators-tilde-caret-underscore.837",
            "imsweb__bad-first-line-isa-105-chars.837"})
    void readsTheTwoClaimsWhateverTheDelimitersOrHeaderLength(String file) throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parseImsweb(file).transactions().get(0);

        assertThat(transaction.createdOn()).isEqualTo(LocalDate.of(1996, 9, 18));
        assertThat(transaction.interchangeDate()).isEqualTo(LocalDate.of(2003, 1, 1));
        assertThat(transaction.claims()).extracting(BilledClaim::patientControlNumber, BilledClaim::charge,
                        BilledClaim::facilityCode, BilledClaim::facilityQualifier, BilledClaim::frequency)
                .containsExactly(tuple("A37YH556", new BigDecimal("500"), "11", "B", "1"),
                        tuple("A37YH667", new BigDecimal("500"), "11", "B", "1"));

        BilledClaim first = transaction.claims().get(0);
        // HI*BK*8901*BF*87200*BF:5559: qualifiers and codes written as separate elements
        assertThat(first.diagnoses()).containsExactly("8901", "87200", "5559");
        // CLM02 500 against a 12.25 line: kept as sent, the payer judges it
        assertThat(first.lines()).extracting(BilledLine::procedure, BilledLine::modifiers, BilledLine::charge,
                        BilledLine::placeOfService, BilledLine::serviceDate, BilledLine::serviceDateTo)
                .containsExactly(tuple("99211", List.of("25"), new BigDecimal("12.25"), "11",
                        LocalDate.of(2005, 3, 14), LocalDate.of(2005, 3, 25)));

        // HL*2*3*22*1 repeats HL id 2 and names parent 3, which does not exist: the enclosing billing provider
        BilledClaim second = transaction.claims().get(1);
        assertThat(second.billingProvider()).extracting("npi", "lastName", "taxId")
                .containsExactly("1234567890", "MEDICAL GROUP", "123456789");
        assertThat(second.payer()).isEqualTo(new ClaimParty("HEALTH INSURANCE COMPANY TWO", "11122333"));
        assertThat(second.subscriber().firstName()).isEqualTo("DAVID");
        assertThat(second.patient()).isEqualTo(second.subscriber());
        assertThat(second.diagnoses()).containsExactly("1987", "4134", "5559");
        assertThat(second.lines()).extracting(BilledLine::number, BilledLine::procedure,
                        BilledLine::diagnosisPointers)
                .containsExactly(tuple(2, "478331", List.of(1, 2, 3)));
    }

    @Test
    void readsThreeGroupsOfOneInterchangeWithRepeatedControlNumbers() throws MalformedX12Exception {
        ClaimFile file = RealClaimSample.parseImsweb("imsweb__three-gs-in-one-isa.837");

        // IEA01 says 1 group, there are 3; each SE says 25 where there are 34: accepted
        assertThat(file.transactions()).extracting(ClaimTransaction::interchangeControlNumber,
                        ClaimTransaction::groupControlNumber, ClaimTransaction::controlNumber)
                .containsExactly(tuple("000000905", "1", "987654"), tuple("000000905", "1", "987654"),
                        tuple("000000905", "1", "987654"));
        assertThat(file.claimCount()).isEqualTo(6);
        assertThat(file.transactions()).flatExtracting(ClaimTransaction::claims)
                .extracting(BilledClaim::patientControlNumber)
                .containsExactly("A37YH556", "A37YH667", "A37YH556", "A37YH667", "A37YH556", "A37YH667");
        BilledLine lastLine = file.transactions().get(2).claims().get(1).lines().get(0);
        assertThat(lastLine.serviceDate()).isEqualTo(LocalDate.of(2001, 5, 23));
        assertThat(lastLine.serviceDateTo()).isEqualTo(LocalDate.of(2001, 6, 1));
    }

    @Test
    void readsClaimWithNoHiAndOtherSegmentErrors() throws MalformedX12Exception {
        BilledClaim claim = RealClaimSample.parseImsweb("imsweb__segment-errors.837").transactions().get(0)
                .claims().get(0);

        // no HI: the claim is still identifiable and what a payer would deny; its pointers are kept as sent
        assertThat(claim.diagnoses()).isEmpty();
        assertThat(claim.lines().get(0).diagnosisPointers()).containsExactly(1, 2, 3);
        // REF*EI twice: the first; HL*2 declares a child but none follows: the subscriber is the patient
        assertThat(claim.billingProvider().taxId()).isEqualTo("123456789");
        assertThat(claim.patient()).isEqualTo(claim.subscriber());
        assertThat(claim.patientControlNumber()).isEqualTo("A37YH556");
    }

    @Test
    void readsMalformedInstitutionalClaimWithSpacesAfterItsTerminators() throws MalformedX12Exception {
        ClaimTransaction transaction = RealClaimSample.parseImsweb("imsweb__x223a2-malformed-trailing-spaces.837")
                .transactions().get(0);

        assertThat(transaction.kind()).isEqualTo(ClaimKind.INSTITUTIONAL);
        BilledClaim claim = transaction.claims().get(0);
        // CLM05 11:B:1 (a professional qualifier on an institutional claim): kept as sent
        assertThat(claim.facilityQualifier()).isEqualTo("B");
        assertThat(claim.typeOfBill()).isEqualTo("0111");
        // DTP*434 as D8 is a one-day period; it falls before the admission: kept as sent
        assertThat(claim.statementFrom()).isEqualTo(LocalDate.of(2012, 3, 30));
        assertThat(claim.statementTo()).isEqualTo(LocalDate.of(2012, 3, 30));
        assertThat(claim.admissionDate()).isEqualTo(LocalDate.of(2015, 3, 30));
        assertThat(claim.dischargeDate()).isNull();
        assertThat(claim.diagnoses()).containsExactly("1739");
        // the secondary and tertiary payers' loops (2320/2330) are not the claim's
        assertThat(claim.payer()).isEqualTo(new ClaimParty("HEALTH INSURANCE COMPANY", "11122333"));
        assertThat(claim.subscriber()).extracting("memberId", "birthDate", "gender")
                .containsExactly("123456", LocalDate.of(1961, 11, 24), "M");
        assertThat(claim.renderingProvider()).isNull();
        assertThat(claim.lines()).singleElement().satisfies(line -> {
            assertThat(line.revenueCode()).isEqualTo("0300");
            assertThat(line.procedure()).isEqualTo("81099");
            assertThat(line.charge()).isEqualByComparingTo("73.42");
            assertThat(line.unitBasis()).isEqualTo("UN");
            assertThat(line.units()).isEqualByComparingTo("1");
            assertThat(line.serviceDate()).isEqualTo(LocalDate.of(2005, 3, 14));
            assertThat(line.serviceDateTo()).isEqualTo(LocalDate.of(2005, 3, 25));
        });
    }
}
