package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.Edi835;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;
import org.overturn.remittance.ServiceLine;

/** Whatever delimiters and layout the ISA declares, the same remittance reads the same. */
class DelimiterTest {

    private final RemittanceParser parser = RemittanceParser.standard();

    static Stream<Arguments> delimiterSets() {
        return Stream.of(
                Arguments.of("* : ^ ~ on one line", '*', ':', '^', "~"),
                Arguments.of("* : ^ ~ one segment a line", '*', ':', '^', "~\n"),
                Arguments.of("* : ^ ~ with CR LF", '*', ':', '^', "~\r\n"),
                Arguments.of("| ^ ~ newline-terminated", '|', '^', '~', "\n"),
                Arguments.of("+ > ~ CR LF-terminated", '+', '>', '~', "\r\n"),
                Arguments.of("* : ^ newline-terminated", '*', ':', '^', "\n"),
                Arguments.of("! \\ { '", '!', '\\', '{', "'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("delimiterSets")
    void readsTheSameRemittanceWithAnyDelimiters(String name, char element, char component, char repetition,
                                                 String terminator) throws MalformedX12Exception {
        RemittanceFile file = parser.parse(sample().delimiters(element, component, repetition, terminator).stream());

        assertThat(file).isEqualTo(parser.parse(sample().stream()));
        ServiceLine line = file.transactions().get(0).claims().get(0).lines().get(0);
        assertThat(line.procedure()).isEqualTo("90837");
        assertThat(line.modifiers()).containsExactly("95", "GT");
        assertThat(line.adjustments()).hasSize(1);
    }

    @Test
    void skipsByteOrderMarkProseAndIndentationBeforeAndBetweenSegments() throws MalformedX12Exception {
        String indented = sample().delimiters('*', ':', '^', "~\n").text().replace("\n", "\n    ");

        RemittanceFile file = parser.parse(Edi835.stream("\uFEFFRemittance for March.\nISA is below.\n\n  "
                + indented));

        assertThat(file).isEqualTo(parser.parse(sample().stream()));
    }

    @Test
    void readsIsaWhoseFieldsAreNotSpacePadded() throws MalformedX12Exception {
        String padded = sample().text();
        String compact = padded.replace("*          *", "**").replace("SENDER         ", "SENDER")
                .replace("RECEIVER       ", "RECEIVER");
        assertThat(compact.substring(0, compact.indexOf('~'))).hasSizeLessThan(106);

        RemittanceFile file = parser.parse(Edi835.stream(compact));

        assertThat(file.transactions().get(0).interchangeControlNumber()).isEqualTo("000000001");
        assertThat(file.claimCount()).isEqualTo(1);
    }

    @Test
    void readsIsaWhosePartyIdsArePaddedBeyondTheirWidth() throws MalformedX12Exception {
        String text = sample().text().replace("SENDER         ", "A CLEARING HOUSE WITH A LONG NAME");

        assertThat(parser.parse(Edi835.stream(text)).claimCount()).isEqualTo(1);
    }

    @Test
    void keepsRepetitionSeparatorFoundInsideData() throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000001").group("1").transaction("0001")
                .segment("BPR*I*100*C*CHK************20240315").segment("TRN*1*CHECK123*1512345678")
                .segment("N1*PR*SMITH^JONES HEALTH").segment("N1*PE*RIVERSIDE*XX*1234567893")
                .segment("CLP*A1*1*100*100**12*P1").segment("SVC*HC:90837:9^5*100*100").closeAll();

        RemittanceFile file = parser.parse(edi.stream());

        assertThat(file.transactions().get(0).payer().name()).isEqualTo("SMITH^JONES HEALTH");
        assertThat(file.transactions().get(0).claims().get(0).lines().get(0).modifiers()).containsExactly("9^5");
    }

    @Test
    void readsClaimsWhateverTheLineBreaksBetweenTerminatorAndNextSegment() throws MalformedX12Exception {
        String text = sample().text().replace("~", "~\r\n\r\n");

        List<ClaimPayment> claims = parser.parse(Edi835.stream(text)).transactions().get(0).claims();

        assertThat(claims).extracting(ClaimPayment::patientControlNumber).containsExactly("PCN-1");
    }

    private static Edi835 sample() {
        return Edi835.withClaims("LX*1", "CLP*PCN-1*1*150*120*30*12*PAYER-1", "NM1*QC*1*DOE*JANE****MI*M123",
                "SVC*HC:90837:95:GT*150*120**1", "DTM*472*20240301", "CAS*PR*2*30", "LQ*HE*N54");
    }
}
