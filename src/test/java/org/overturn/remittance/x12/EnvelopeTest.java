package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
}
