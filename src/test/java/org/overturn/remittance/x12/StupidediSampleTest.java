package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.ProviderAdjustment;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.ServiceLine;

/** kputnam/stupidedi fixtures: odd delimiters, prose before the ISA, a 4010 file, and intentionally bad files. */
class StupidediSampleTest {

    @Test
    @DisplayName("004010 file: '|' elements, '^' components, ISA06 padded to 30 characters (121-character ISA)")
    void readsPipeDelimited4010FileWithOverPaddedIsa() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("stupidedi__004010-case1-pipe-delimited.835").transactions().get(0);

        assertThat(advice.interchangeControlNumber()).isEqualTo("000003063");
        assertThat(advice.groupControlNumber()).isEqualTo("3063");
        assertThat(advice.version()).isEqualTo("004010X091A1");
        assertThat(advice.payment().amount()).isEqualByComparingTo("20.61");
        assertThat(advice.payment().date()).isEqualTo(LocalDate.of(2012, 1, 25));
        assertThat(advice.payment().trace()).isEqualTo("74122910359");
        assertThat(advice.payer().name()).isEqualTo("MADE UP HEALTH CENTER");
        assertThat(advice.payer().id()).isEqualTo("80214");
        assertThat(advice.payee().npi()).isEqualTo("1386672277");
        ClaimPayment claim = advice.claims().get(0);
        assertThat(claim.patientControlNumber()).isEqualTo("S1114885");
        assertThat(claim.filingIndicator()).isEqualTo("VA");
        assertThat(claim.payerClaimControlNumber()).isEqualTo("DJE9060");
        assertThat(claim.adjustments()).extracting(Adjustment::group, Adjustment::reason, Adjustment::amount)
                .containsExactly(tuple("PI", "23", new BigDecimal("157.39")));
        assertThat(advice.providerAdjustments()).extracting(ProviderAdjustment::reason, ProviderAdjustment::reference)
                .containsExactly(tuple("L6", "74122910359"));
        assertThat(advice.providerAdjustments().get(0).amount()).isEqualByComparingTo("0");
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("prose before the ISA, '+' elements, '>' components, '~' repetitions, CR LF ending each segment")
    void readsPlusDelimitedFileAfterItsProseHeader() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("stupidedi__x221-case1-plus-delimited-prose-header.835")
                .transactions().get(0);

        assertThat(advice.version()).isEqualTo("005010X221");
        assertThat(advice.interchangeControlNumber()).isEqualTo("000000905");
        assertThat(advice.payment().amount()).isEqualByComparingTo("150000");
        assertThat(advice.payment().method()).isEqualTo("ACH");
        assertThat(advice.payer().id()).isEqualTo("999");
        assertThat(advice.payer().references()).containsEntry("NF", "12345");
        assertThat(advice.payee().npi()).isEqualTo("1232343560");
        assertThat(advice.claims()).extracting(ClaimPayment::patientControlNumber, ClaimPayment::filingIndicator,
                        c -> c.paid().toPlainString())
                .containsExactly(tuple("666123", "MA", "138018.4"), tuple("777777", "MB", "11980.33"));
        assertThat(advice.claims().get(0).amounts()).containsEntry("AU", new BigDecimal("150000"));
        assertThat(advice.claims().get(1).remarks()).containsExactly("MA02");
        assertThat(advice.providerAdjustments()).extracting(ProviderAdjustment::reason, ProviderAdjustment::reference)
                .containsExactly(tuple("CV", "CP"));
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("case 3a: SE01 39 (41 segments) is a warning; its two PLBs leave it 2.54 out of balance")
    void readsTwoProviderAdjustmentSegmentsAndWarnsOfTheSegmentCount() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("stupidedi__x221-case3a-two-plb-prose-header.835")
                .transactions().get(0);

        assertThat(advice.envelopeWarnings()).containsExactly("SE01 says 39 but transaction set 0001 has 41 segments");
        assertThat(advice.claims()).extracting(ClaimPayment::status).containsExactly("2", "2");
        ServiceLine second = advice.claims().get(1).lines().get(1);
        assertThat(second.revenueCode()).isEqualTo("0220");
        assertThat(second.adjustments()).extracting(Adjustment::group, Adjustment::reason)
                .containsExactly(tuple("PR", "1"), tuple("PR", "2"), tuple("CO", "45"));
        assertThat(advice.claims().get(1).lines().get(0).references()).containsEntry("HPI", "1235799115");
        assertThat(advice.providerAdjustments()).extracting(ProviderAdjustment::providerId)
                .containsExactly("9876543210", "0123456789");
        assertThat(RemittanceBalance.problems(advice)).containsExactly(
                "transaction 0001: claims paid 1222.00 − provider adjustments -2.54 = 1224.54 but the payment is 1222.00");
    }

    @Test
    @DisplayName("dental: 9 claims share CLP01 7722337 and CLP07; 33 AD-coded lines with CO-131 and PR-3")
    void readsDentalClaimsThatShareTheirPatientControlNumber() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("stupidedi__multiple-claims-single-check-dental.835")
                .transactions().get(0);

        assertThat(advice.payment().amount()).isEqualByComparingTo("810.8");
        assertThat(advice.payee().name()).isEqualTo("BAN DDS LLC");
        assertThat(advice.claims()).hasSize(9)
                .allSatisfy(c -> {
                    assertThat(c.patientControlNumber()).isEqualTo("7722337");
                    assertThat(c.payerClaimControlNumber()).isEqualTo("119932404007801");
                });
        List<ServiceLine> lines = advice.claims().stream().flatMap(c -> c.lines().stream()).toList();
        assertThat(lines).hasSize(33).allSatisfy(l -> assertThat(l.procedureQualifier()).isEqualTo("AD"));
        assertThat(lines.get(0).procedure()).isEqualTo("D0120");
        List<Adjustment> adjustments = lines.stream().flatMap(l -> l.adjustments().stream()).toList();
        assertThat(adjustments).filteredOn(a -> a.reason().equals("131")).hasSize(33);
        assertThat(adjustments).filteredOn(a -> a.group().equals("PR")).extracting(Adjustment::reason)
                .hasSize(6).containsOnly("3");
        ClaimPayment fourth = advice.claims().get(3);
        assertThat(fourth.patientResponsibility()).isEqualByComparingTo("902");
        assertThat(fourth.lines()).extracting(ServiceLine::procedure).containsExactly("D0220", "D2790", "D2950");
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("fail-3a (GS01 XX) is still readable past its GS: SVC01 '>' under ':' is split when GS01 is HP")
    void splitsUndeclaredComponentSeparatorInFailFixtureOnceItsGroupIsHp() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parseRepaired("stupidedi__fail-3a.835", "GS*XX*", "GS*HP*")
                .transactions().get(0);

        assertThat(advice.claims().get(1).lines()).extracting(ServiceLine::procedure, ServiceLine::modifiers)
                .containsExactly(tuple("12345", List.of("26")), tuple("66543", List.of("26")));
    }
}
