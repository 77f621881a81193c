package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Adjustment;
import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceBalance;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.ServiceLine;

/** tastypackets/x12-parser: one eMedNY remittance in three layouts, and repeated 156 times. */
class TastypacketsSampleTest {

    @Test
    void readsNewYorkMedicaidProfessionalRemittance() throws MalformedX12Exception {
        RemittanceAdvice advice = RealSample.parse("tastypackets__profee.835").transactions().get(0);

        assertThat(advice.controlNumber()).isEqualTo("1740");
        assertThat(advice.payment().amount()).isEqualByComparingTo("45.75");
        assertThat(advice.payment().method()).isEqualTo("ACH");
        assertThat(advice.payment().date()).isEqualTo(LocalDate.of(2010, 1, 1));
        assertThat(advice.payment().trace()).isEqualTo("10100000000");
        assertThat(advice.payer().name()).isEqualTo("NYSDOH");
        assertThat(advice.payer().address().line1()).isEqualTo("OFFICE OF HEALTH INSURANCE PROGRAMS");
        assertThat(advice.payer().address().line2()).isEqualTo("CORNING TOWER, EMPIRE STATE PLAZA");
        assertThat(advice.payer().address().postalCode()).isEqualTo("122370080");
        assertThat(advice.payee().npi()).isEqualTo("9999999995");

        assertThat(advice.claims()).extracting(ClaimPayment::status, c -> c.charge().toPlainString(),
                        c -> c.paid().toPlainString(), ClaimPayment::payerClaimControlNumber)
                .containsExactly(tuple("1", "34.25", "34.25", "1000210000000030"),
                        tuple("2", "34", "0", "1000220000000020"),
                        tuple("2", "34.25", "11.5", "1000230000000020"));
        ClaimPayment first = advice.claims().get(0);
        assertThat(first.correctedPatient()).isNotNull();
        assertThat(first.references()).containsKey("EA");
        assertThat(first.lines()).extracting(ServiceLine::procedure, ServiceLine::modifiers)
                .containsExactly(tuple("V2020", List.of("RB")), tuple("V2700", List.of("RB")),
                        tuple("V2103", List.of("RB")), tuple("S0580", List.of()));

        assertThat(advice.claims().get(1).lines()).extracting(ServiceLine::procedure,
                        l -> l.adjustments().get(0).group() + "-" + l.adjustments().get(0).reason())
                .as("the secondary claim denied for timely filing, line by line")
                .containsExactly(tuple("V2020", "CO-29"), tuple("V2103", "CO-29"));
        ClaimPayment third = advice.claims().get(2);
        assertThat(third.lines().get(1).serviceDate()).isEqualTo(LocalDate.of(2013, 9, 17));
        assertThat(third.lines().get(2).adjustments()).extracting(Adjustment::reason).containsExactly("251");
        assertThat(third.lines().get(2).remarks()).containsExactly("N206");
        assertThat(RemittanceBalance.problems(advice)).isEmpty();
    }

    @Test
    @DisplayName("the same remittance on one line, one segment a line, and with newline as segment terminator")
    void readsTheSameRemittanceWhateverTheLayout() throws MalformedX12Exception {
        RemittanceFile lines = RealSample.parse("tastypackets__profee.835");

        assertThat(RealSample.parse("tastypackets__profee-one-line.835")).isEqualTo(lines);
        assertThat(RealSample.parse("tastypackets__multi-line-not-delimited.835")).isEqualTo(lines);
    }

    @Test
    @DisplayName("156 interchanges repeating one remittance (same ISA13, same trace): all read, all identical")
    void readsEveryInterchangeOfAFileOfRepeatedInterchanges() throws MalformedX12Exception {
        RemittanceAdvice single = RealSample.parse("tastypackets__profee.835").transactions().get(0);

        RemittanceFile file = RealSample.parse("tastypackets__profee-multiple.835");

        assertThat(file.transactions()).hasSize(156).allSatisfy(t -> assertThat(t).isEqualTo(single));
        assertThat(file.claimCount()).isEqualTo(468);
        assertThat(file.transactions()).extracting(RemittanceAdvice::interchangeControlNumber)
                .containsOnly("006000600");
    }
}
