package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.overturn.remittance.Edi835;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;

/** Files holding several transaction sets, functional groups and interchanges. */
class EnvelopeTest {

    private final RemittanceParser parser = RemittanceParser.standard();

    @Test
    void readsEveryTransactionSetOfAGroupInFileOrder() throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000007").group("70")
                .transaction("0001").header("10").segment("CLP*A*1*10*10**12").endTransaction()
                .transaction("0002").header("20").segment("CLP*B*1*20*20**12").segment("CLP*C*1*5*0**12")
                .endTransaction()
                .transaction("0003").header("0").endTransaction()
                .endGroup().endInterchange();

        RemittanceFile file = parser.parse(edi.stream());

        assertThat(file.transactions()).extracting(RemittanceAdvice::interchangeControlNumber,
                        RemittanceAdvice::groupControlNumber, RemittanceAdvice::controlNumber, t -> t.claims().size())
                .containsExactly(tuple("000000007", "70", "0001", 1), tuple("000000007", "70", "0002", 2),
                        tuple("000000007", "70", "0003", 0));
        assertThat(file.claimCount()).isEqualTo(3);
    }

    @Test
    void readsSeveralGroupsOfOneInterchangeWithTheirVersions() throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000008")
                .group("1", "005010X221A1").transaction("0001").header("0").endTransaction().endGroup()
                .group("2", "004010X091A1").transaction("0001").header("0").endTransaction().endGroup()
                .endInterchange();

        RemittanceFile file = parser.parse(edi.stream());

        assertThat(file.transactions()).extracting(RemittanceAdvice::groupControlNumber, RemittanceAdvice::version)
                .containsExactly(tuple("1", "005010X221A1"), tuple("2", "004010X091A1"));
    }

    @Test
    @DisplayName("several interchanges in one file, each with its own delimiters and layout")
    void readsSeveralInterchangesWithDifferentDelimiters() throws MalformedX12Exception {
        String first = Edi835.create().interchange("000000001").group("1").transaction("0001").header("10")
                .segment("CLP*A*1*10*10**12").closeAll().text();
        String second = Edi835.create().delimiters('|', '>', '~', "\n").interchange("000000002").group("2")
                .transaction("0001").header("20").segment("CLP|B|1|20|20||12").segment("SVC|HC>90834|20|20")
                .closeAll().text();

        RemittanceFile file = parser.parse(Edi835.stream(first + "\r\n" + second));

        assertThat(file.transactions()).extracting(RemittanceAdvice::interchangeControlNumber,
                        t -> t.claims().get(0).patientControlNumber())
                .containsExactly(tuple("000000001", "A"), tuple("000000002", "B"));
        assertThat(file.transactions().get(1).claims().get(0).lines().get(0).procedure()).isEqualTo("90834");
    }

    @Test
    void readsLaterInterchangeWhoseIsaIsNotPadded() throws MalformedX12Exception {
        String first = Edi835.create().interchange("000000001").group("1").transaction("0001").header("0")
                .closeAll().text();
        String second = Edi835.create().interchange("000000002").group("2").transaction("0001").header("0")
                .closeAll().text().replace("SENDER         ", "S").replace("RECEIVER       ", "R");

        RemittanceFile file = parser.parse(Edi835.stream(first + second));

        assertThat(file.transactions()).extracting(RemittanceAdvice::interchangeControlNumber)
                .containsExactly("000000001", "000000002");
    }

    @Test
    @DisplayName("GS08 '5010' (release only, as some senders write it) is read and recorded as sent")
    void acceptsVersionGivenAsReleaseOnly() throws MalformedX12Exception {
        Edi835 edi = Edi835.create().interchange("000000001").group("1", "5010").transaction("0001").header("0")
                .closeAll();

        assertThat(parser.parse(edi.stream()).transactions().get(0).version()).isEqualTo("5010");
    }

    @Test
    @DisplayName("a trailer's warning goes to what it closes: SE to its set, GE to its group's, IEA to its interchange's")
    void attachesEachTrailerWarningToTheTransactionSetsItCloses() throws MalformedX12Exception {
        String first = Edi835.create().interchange("000000001")
                .group("1").transaction("0001").header("0").endTransaction()
                .transaction("0002").header("0").endTransaction().endGroup()
                .group("2").transaction("0003").header("0").endTransaction().endGroup()
                .endInterchange().text()
                .replace("SE*6*0002", "SE*99*0002").replace("GE*2*1~", "GE*5*1~");
        String second = Edi835.create().interchange("000000002").group("3").transaction("0001").header("0")
                .closeAll().text().replace("IEA*1*000000002", "IEA*1*000000009");

        RemittanceFile file = parser.parse(Edi835.stream(first + second));

        assertThat(file.transactions()).extracting(RemittanceAdvice::interchangeControlNumber,
                        RemittanceAdvice::controlNumber, RemittanceAdvice::envelopeWarnings)
                .containsExactly(
                        tuple("000000001", "0001", List.of("GE01 says 5 but functional group 1 has 2 transaction sets")),
                        tuple("000000001", "0002", List.of("SE01 says 99 but transaction set 0002 has 6 segments",
                                "GE01 says 5 but functional group 1 has 2 transaction sets")),
                        tuple("000000001", "0003", List.of()),
                        tuple("000000002", "0001", List.of("IEA02 '000000009' does not match ISA13 '000000002'")));
        assertThat(file.unreadable()).isEmpty();
    }

    @Test
    @DisplayName("an interchange trailer's warning reaches the sets read in it, not the one left out")
    void warnsOnlyTheTransactionSetsRead() throws MalformedX12Exception {
        String text = Edi835.create().interchange("000000001").group("1")
                .transaction("0001").header("0").segment("CLP*A*1*ten*0**12").endTransaction()
                .transaction("0002").header("0").endTransaction()
                .endGroup().endInterchange().text().replace("IEA*1*000000001", "IEA*1*000000002");

        RemittanceFile file = parser.parse(Edi835.stream(text));

        assertThat(file.transactions()).extracting(RemittanceAdvice::controlNumber, RemittanceAdvice::envelopeWarnings)
                .containsExactly(tuple("0002", List.of("IEA02 '000000002' does not match ISA13 '000000001'")));
        assertThat(file.unreadable()).extracting(u -> u.controlNumber()).containsExactly("0001");
    }
}
