package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParser;
import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;

/** Files holding several transaction sets, functional groups and interchanges, with any delimiters. */
class ClaimEnvelopeTest {

    private static final String[] CLAIM = {"CLM*PCN-1*100***10:B:1*Y*A*Y*Y", "HI*ABK:F33.1*ABF:F41.1", "LX*1",
            "SV1*HC:90837:95:GT*100*UN*1***1:2", "DTP*472*D8*20240304"};

    @Test
    void readsEveryTransactionSetOfEveryGroupInFileOrder() throws MalformedX12Exception {
        Edi837 edi = Edi837.create().interchange("000000007")
                .group("70", Edi837.PROFESSIONAL)
                .transaction("0001").header().billingProvider("1").subscriberPatient("2", "1")
                .segment("CLM*A*10***11:B:1").segment("LX*1").segment("SV1*HC:90834*10*UN*1").endTransaction()
                .transaction("0002").header().billingProvider("1").subscriberPatient("2", "1")
                .segment("CLM*B*20***11:B:1").segment("LX*1").segment("SV1*HC:90834*20*UN*1")
                .segment("CLM*C*5***11:B:1").segment("LX*1").segment("SV1*HC:90785*5*UN*1").endTransaction()
                .endGroup()
                .group("71", Edi837.INSTITUTIONAL)
                .transaction("0001").header().billingProvider("1").subscriberPatient("2", "1")
                .segment("CLM*D*900***13:A:1").segment("LX*1").segment("SV2*0912**900*UN*1").endTransaction()
                .endGroup()
                .group("72", "004010X096A1")
                .transaction("0001").header().billingProvider("1").subscriberPatient("2", "1")
                .segment("CLM*E*500***11:A:1").segment("LX*1").segment("SV2*0124**500*DA*1").endTransaction()
                .endGroup().endInterchange();

        ClaimFile file = edi.parse();

        assertThat(file.transactions()).extracting(ClaimTransaction::groupControlNumber,
                        ClaimTransaction::controlNumber, ClaimTransaction::kind, ClaimTransaction::implementation,
                        t -> t.claims().stream().map(BilledClaim::patientControlNumber).toList())
                .containsExactly(tuple("70", "0001", ClaimKind.PROFESSIONAL, "005010X222A1", List.of("A")),
                        tuple("70", "0002", ClaimKind.PROFESSIONAL, "005010X222A1", List.of("B", "C")),
                        tuple("71", "0001", ClaimKind.INSTITUTIONAL, "005010X223A2", List.of("D")),
                        tuple("72", "0001", ClaimKind.INSTITUTIONAL, "004010X096A1", List.of("E")));
        assertThat(file.claimCount()).isEqualTo(5);
        assertThat(file.kind()).isEqualTo(ClaimKind.PROFESSIONAL);
    }

    @Test
    @DisplayName("several interchanges in one file, each with its own delimiters, header layout and line breaks")
    void readsSeveralInterchangesWithDifferentDelimiters() throws MalformedX12Exception {
        String first = Edi837.professional(CLAIM).text();
        String second = Edi837.create().delimiters('|', '>', '^', "\n").interchange("000000002")
                .group("2", Edi837.INSTITUTIONAL).transaction("0002").header().billingProvider("1")
                .subscriberPatient("2", "1").segment("CLM*PCN-2*250***13:A:1").segment("HI*ABK:F33.1")
                .segment("LX*1").segment("SV2*0905*HC:S9480*250*UN*1").closeAll().text()
                .replace("SUBMITTER      ", "SUBMITTER").replace("CLEARINGHOUSE  ", "CLEARINGHOUSE");
        String third = Edi837.create().delimiters('~', '^', '!', "_\r\n").interchange("000000003")
                .group("3", Edi837.PROFESSIONAL).transaction("0003").header().billingProvider("1")
                .subscriberPatient("2", "1").segment("CLM*PCN-3*90***11:B:1").segment("LX*1")
                .segment("SV1*HC:90834*90*UN*1").closeAll().text();

        ClaimFile file = Edi837.parse(first + "\r\n\r\n" + second + third + "\n");

        assertThat(file.transactions()).extracting(ClaimTransaction::interchangeControlNumber,
                        ClaimTransaction::kind, t -> t.claims().get(0).patientControlNumber(),
                        t -> t.claims().get(0).lines().get(0).procedure())
                .containsExactly(tuple("000000001", ClaimKind.PROFESSIONAL, "PCN-1", "90837"),
                        tuple("000000002", ClaimKind.INSTITUTIONAL, "PCN-2", "S9480"),
                        tuple("000000003", ClaimKind.PROFESSIONAL, "PCN-3", "90834"));
    }

    @ParameterizedTest(name = "element {0}, component {1}, repetition {2}, terminator {3}")
    @CsvSource(delimiter = ' ', value = {"* : ^ ~", "| > ^ ~", "~ ^ ! _", "! > ` |", "+ : * '"})
    void readsTheSameClaimWhateverTheDelimiters(char element, char component, char repetition, String terminator)
            throws MalformedX12Exception {
        Edi837 edi = Edi837.professional(CLAIM).delimiters(element, component, repetition, terminator);

        BilledClaim claim = edi.parse().transactions().get(0).claims().get(0);

        assertThat(claim.facilityCode()).isEqualTo("10");
        assertThat(claim.diagnoses()).containsExactly("F331", "F411");
        BilledLine line = claim.lines().get(0);
        assertThat(line.procedure()).isEqualTo("90837");
        assertThat(line.modifiers()).containsExactly("95", "GT");
        assertThat(line.diagnosisPointers()).containsExactly(1, 2);
    }

    @Test
    @DisplayName("composites written with '>' where ISA16 declares ':' (as LinuxForHealth's samples do)")
    void readsCompositesWrittenWithAnotherSeparatorThanDeclared() throws MalformedX12Exception {
        BilledClaim claim = Edi837.professional("CLM*PCN-1*100***10>B>1*Y*A*Y*Y", "HI*ABK>F33.1*ABF>F41.1",
                        "LX*1", "SV1*HC>90837>95*100*UN*1***1>2")
                .parse().transactions().get(0).claims().get(0);

        assertThat(claim.facilityCode()).isEqualTo("10");
        assertThat(claim.frequency()).isEqualTo("1");
        assertThat(claim.diagnoses()).containsExactly("F331", "F411");
        assertThat(claim.lines().get(0).procedure()).isEqualTo("90837");
        assertThat(claim.lines().get(0).modifiers()).containsExactly("95");
        assertThat(claim.lines().get(0).diagnosisPointers()).containsExactly(1, 2);
    }

    @Test
    void readsThousandsOfClaimsOfThousandsOfSubscribers() throws MalformedX12Exception {
        Edi837 edi = Edi837.create().interchange("000000001").group("1", Edi837.PROFESSIONAL).transaction("0001")
                .header().billingProvider("1");
        for (int i = 0; i < 3000; i++) {
            edi.subscriberPatient(String.valueOf(i + 2), "1").segment("CLM*PCN-" + i + "*100***11:B:1")
                    .segment("HI*ABK:F331").segment("LX*1").segment("SV1*HC:90834*100*UN*1***1")
                    .segment("DTP*472*D8*20240304");
        }

        ClaimFile file = edi.closeAll().parse();

        assertThat(file.claimCount()).isEqualTo(3000);
        assertThat(file.transactions().get(0).claims().get(2999).patientControlNumber()).isEqualTo("PCN-2999");
    }

    @Test
    void readsFileOpeningWithAByteOrderMarkAndProse() throws MalformedX12Exception {
        Edi837 edi = Edi837.professional(CLAIM).preamble("\uFEFFBatch exported 2024-03-18 by the practice system\n"
                + "Claims: 1\n\n");

        assertThat(edi.parse().claimCount()).isEqualTo(1);
    }

    @Test
    void readsNamesWrittenInWindows1252() throws MalformedX12Exception {
        String text = Edi837.professional(CLAIM).text().replace("RIVERA*ANA", "RIVERA*JOS\u00c9");

        ClaimFile file = ClaimParser.standard().parse(text.getBytes(Charset.forName("windows-1252")));

        assertThat(file.transactions().get(0).claims().get(0).subscriber().firstName()).isEqualTo("JOS\u00c9");
    }
}
