package org.overturn.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The X12 syntax as {@link SegmentStream} reads it from the bytes: what it accepts and refuses is what StAEDI's lexer,
 * which it replaced, accepted and refused (checked against StAEDI 1.26 on 20,000 damaged files when it was written),
 * with the same segment numbers.
 */
class SegmentSyntaxTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
            + "*240315*1200*^*00501*000000001*0*P*:";
    private static final String GS = "GS*HP*S*R*20240315*1200*1*X*005010X221A1";

    /** Each segment read as id@number followed by its elements' texts (null for absent ones). */
    private static final class Texts implements X12Segments.Handler {
        final List<String> read = new ArrayList<>();

        @Override
        public void accept(Segment segment) {
            StringBuilder text = new StringBuilder(segment.tag() + "@" + segment.number());
            for (int e = 1; e <= segment.elementCount(); e++) {
                text.append('|').append(segment.text(e));
            }
            read.add(text.toString());
        }

        @Override
        public void end(int lastNumber, String lastTag) {
            // the envelope's business
        }
    }

    private static List<String> read(String text) throws MalformedX12Exception {
        return X12Segments.read(text.getBytes(StandardCharsets.UTF_8), Texts::new).read;
    }

    private static List<String> read(byte[] bytes) throws MalformedX12Exception {
        return X12Segments.read(bytes, Texts::new).read;
    }

    @Test
    void readsElementsComponentsRepetitionsAndEmptySegments() throws MalformedX12Exception {
        List<String> read = read(ISA + "~" + GS + "~SVC*HC:90837:95**12.5~HI*BK:F329^BF:F411~N9~LX**1~"
                + "GE*0*1~IEA*1*000000001~");

        assertThat(read.get(0)).isEqualTo("ISA@1|00|null|00|null|ZZ|SENDER|ZZ|RECEIVER|240315|1200|^|00501"
                + "|000000001|0|P|:");
        assertThat(read.subList(2, read.size())).containsExactly("SVC@3|HC:90837:95|null|12.5",
                "HI@4|BK:F329^BF:F411", "N9@5", "LX@6|null|1", "GE@7|0|1", "IEA@8|1|000000001");
    }

    @Test
    void skipsLineBreaksAndSpacesBetweenSegmentsButKeepsThemInsideElements() throws MalformedX12Exception {
        List<String> read = read(ISA + "~\r\n" + GS + "~\r\n  NM1*QC*1*DOE\tSMITH*JANE\r~\n"
                + "GE*0*1~\nIEA*1*000000001~\n");

        assertThat(read).contains("NM1@3|QC|1|DOE\tSMITH|JANE\r");
    }

    @Test
    void readsEveryDelimiterTheHeaderGivesAndNumbersSegmentsAcrossInterchanges() throws MalformedX12Exception {
        String other = "ISA|00|          |00|          |ZZ|SENDER         |ZZ|RECEIVER       "
                + "|240315|1200|}|00501|000000002|0|P|>\n";
        List<String> read = read(ISA + "~" + GS + "~GE*0*1~IEA*1*000000001~\n" + other
                + "GS|HP|S|R|20240315|1200|2|X|005010X221A1\nREF|A>B}C*D\nGE|0|2\nIEA|1|000000002\n");

        assertThat(read).contains("REF@7|A>B}C*D", "IEA@9|1|000000002");
    }

    @Test
    void readsUtf8TextAndHandsOnNulForTheSegmentToRefuse() throws MalformedX12Exception {
        assertThat(read(ISA + "~" + GS + "~NM1*QC*1*JOSÉ*ÅSA~GE*0*1~IEA*1*000000001~"))
                .contains("NM1@3|QC|1|JOSÉ|ÅSA");

        assertThatThrownBy(() -> read(ISA + "~" + GS + "~NM1*QC*1*DOE\0~GE*0*1~IEA*1*000000001~"))
                .hasMessage("segment 3 (NM1): NM103 holds a NUL character");
    }

    @Test
    void readsAFileThatIsNotUtf8AsWindows1252() throws MalformedX12Exception {
        byte[] latin = (ISA + "~" + GS + "~NM1*QC*1*JOS\u00c9~GE*0*1~IEA*1*000000001~")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThat(read(latin)).contains("NM1@3|QC|1|JOS\u00c9");
    }

    @Test
    void refusesWhatStaediRefusedNamingTheLastSegmentStarted() {
        String start = ISA + "~" + GS + "~";
        assertUnreadable(start + "CLP*1~~", 3, "CLP", "'~' where a segment id should start");
        assertUnreadable(start + "CLPX*1~", 2, "GS", "'X' in a segment id");
        assertUnreadable(start + "C*1~", 2, "GS", "'*' in a segment id");
        assertUnreadable(start + "CLP*1~#REF*1~", 3, "CLP", "'#' where a segment id should start");
        assertUnreadable(start + "GE*0*1~IEA~", 3, "GE", "an IEA with no elements");
        assertUnreadable(start + "GE*0*1~IEA*1:2*000000001~", 4, "IEA", "':' in the IEA trailer");
        assertUnreadable(start + "GE*0*1~IEA*1*000000001~GS*HP~", 4, "IEA", "'G' after the IEA");
        assertUnreadable(start + "NM1*QC*1*" + "A".repeat(4097) + "~", 3, "NM1", "an element longer than 4096");
        assertUnreadable(start + "NM1*QC*1*\uD83D\uDE00~", 3, "NM1", "a character outside the Basic Multilingual");
    }

    @Test
    void readsAnElementOfTheLongestLengthStaediRead() throws MalformedX12Exception {
        assertThat(read(ISA + "~" + GS + "~NM1*QC*1*" + "A".repeat(4096) + "~GE*0*1~IEA*1*000000001~").get(2))
                .hasSize("NM1@3|QC|1|".length() + 4096);
    }

    @Test
    void takesTheEndOfTheFileInsideASegmentOrACharacterForTheEnd() throws MalformedX12Exception {
        assertThat(read(ISA + "~" + GS + "~CLP*1*2")).hasSize(2);
        assertThat(read((ISA + "~" + GS + "~CL").getBytes(StandardCharsets.UTF_8))).hasSize(2);
        byte[] cut = (ISA + "~" + GS + "~NM1*QC*1*JOS\u00c9").getBytes(StandardCharsets.UTF_8);
        assertThat(read(java.util.Arrays.copyOf(cut, cut.length - 1))).hasSize(2);
    }

    private static void assertUnreadable(String text, int segment, String id, String reason) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOfSatisfying(MalformedX12Exception.class, e -> {
                    assertThat(e.segmentNumber()).isEqualTo(segment);
                    assertThat(e.segmentId()).isEqualTo(id);
                    assertThat(e.reason()).startsWith("unreadable X12: ").contains(reason);
                });
    }
}
