package org.overturn.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The envelope shared by every reader, driven by a kind that records what it is told: nesting errors, trailer
 * warnings, truncation, a kind refusing a group, and transaction sets set aside.
 */
class X12EnvelopeTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
            + "*240315*1200*^*00501*000000001*0*P*:";
    private static final String ISA_2 = ISA.replace("000000001", "000000002");
    private static final String GS = "GS*XX*SENDER*RECEIVER*20240315*1200*1*X*005010";
    private static final String IEA = "IEA*1*000000001";

    /** What a reader of one transaction set was given; a segment {@code BAD} is a content error. */
    private static final class Reader implements X12Envelope.TransactionReader {
        final String controlNumber;
        final List<String> read = new ArrayList<>();

        Reader(String controlNumber) {
            this.controlNumber = controlNumber;
        }

        @Override
        public void accept(Segment segment) throws MalformedX12Exception {
            if (segment.is("BAD")) {
                throw segment.error("a bad segment");
            }
            read.add(segment.tag());
        }
    }

    /** Records every call as a line; a group whose GS01 is not XX is refused, naming what it holds. */
    private static class Recorder implements X12Envelope.Kind<Reader> {
        final List<String> calls = new ArrayList<>();
        final boolean setsAside;
        final boolean innermost;

        Recorder() {
            this(false, false);
        }

        Recorder(boolean setsAside, boolean innermost) {
            this.setsAside = setsAside;
            this.innermost = innermost;
        }

        @Override
        public void openInterchange(Segment isa, String controlNumber) {
            calls.add("ISA " + controlNumber);
        }

        @Override
        public void checkGroup(Segment gs) throws MalformedX12Exception {
            String functionalId = gs.requiredText(1);
            if (!"XX".equals(functionalId)) {
                throw gs.error("functional group GS01 '" + functionalId + "' is not XX: this file holds "
                        + ("HP".equals(functionalId) ? "an 835" : "something else"));
            }
        }

        @Override
        public void openGroup(Segment gs, String controlNumber) {
            calls.add("GS " + controlNumber);
        }

        @Override
        public void checkTransaction(Segment st) throws MalformedX12Exception {
            if (!"999".equals(st.requiredText(1))) {
                throw st.error("not a 999");
            }
        }

        @Override
        public Reader openTransaction(Segment st, String controlNumber) {
            calls.add("ST " + controlNumber);
            return new Reader(controlNumber);
        }

        @Override
        public void closeTransaction(Reader transaction, Segment se, List<String> warnings)
                throws MalformedX12Exception {
            if (transaction.read.contains("NIL")) {
                throw se.error("transaction set " + transaction.controlNumber + " is empty");
            }
            calls.add("SE " + transaction.controlNumber + " " + transaction.read + " " + warnings);
        }

        @Override
        public void closeGroup(List<String> warnings) {
            calls.add("GE " + warnings);
        }

        @Override
        public void closeInterchange(List<String> warnings) {
            calls.add("IEA " + warnings);
        }

        @Override
        public void outsideTransaction(Segment segment, boolean betweenGroups) throws MalformedX12Exception {
            if (segment.is("TA1") && betweenGroups) {
                calls.add("skipped TA1");
                return;
            }
            X12Envelope.Kind.super.outsideTransaction(segment, betweenGroups);
        }

        @Override
        public void end(int lastNumber, String lastTag) {
            calls.add("end " + lastNumber + " (" + lastTag + ")");
        }

        @Override
        public boolean setsAsideUnreadable() {
            return setsAside;
        }

        @Override
        public void unreadable(String controlNumber, int firstSegment, int lastSegment, MalformedX12Exception error) {
            calls.add("unreadable " + controlNumber + " (segments " + firstSegment + "-" + lastSegment + "): "
                    + error.getMessage());
        }

        @Override
        public boolean namesInnermostOpenEnvelope() {
            return innermost;
        }
    }

    private static String file(String... segments) {
        return String.join("~\n", segments) + "~\n";
    }

    private static List<String> read(Recorder kind, String text) throws MalformedX12Exception {
        return X12Envelope.read(text.getBytes(StandardCharsets.UTF_8), () -> kind).calls;
    }

    private static MalformedX12Exception refusal(Recorder kind, String text) {
        return catchThrowableOfType(MalformedX12Exception.class, () -> read(kind, text));
    }

    @Test
    @DisplayName("each envelope opens and closes in order; body segments go to the open transaction set's reader")
    void readsNestedEnvelopes() throws MalformedX12Exception {
        String text = file(ISA, GS, "ST*999*0001", "AK1*HC*1", "AK9*A*1*1*1", "SE*4*0001", "ST*999*0002",
                "SE*2*0002", "GE*2*1", IEA, ISA_2, GS.replace("*1*X*", "*7*X*"), "ST*999*0001", "SE*2*0001",
                "GE*1*7", "IEA*1*000000002");

        assertThat(read(new Recorder(), text)).containsExactly("ISA 000000001", "GS 1", "ST 0001",
                "SE 0001 [AK1, AK9] []", "ST 0002", "SE 0002 [] []", "GE []", "IEA []", "ISA 000000002", "GS 7",
                "ST 0001", "SE 0001 [] []", "GE []", "IEA []", "end 16 (IEA)");
    }

    @Nested
    @DisplayName("a trailer that disagrees with what it closes is a warning to the kind, not a refusal")
    class TrailerWarnings {

        @Test
        void warnsOfEveryCountAndControlNumberMismatch() throws MalformedX12Exception {
            String text = file(ISA, GS, "ST*999*0001", "AK1*HC*1", "SE*9*0002", "GE*3*2", "IEA*4*000000009");

            assertThat(read(new Recorder(), text)).containsExactly("ISA 000000001", "GS 1", "ST 0001",
                    "SE 0001 [AK1] [SE01 says 9 but transaction set 0001 has 3 segments, "
                            + "SE02 '0002' does not match ST02 '0001']",
                    "GE [GE01 says 3 but functional group 1 has 1 transaction set, GE02 '2' does not match GS06 '1']",
                    "IEA [IEA01 says 4 but interchange 000000001 has 1 functional group, "
                            + "IEA02 '000000009' does not match ISA13 '000000001']", "end 7 (IEA)");
        }

        @Test
        @DisplayName("GE02 01 does not close GS06 1: control numbers must be identical")
        void comparesControlNumbersAsText() throws MalformedX12Exception {
            String text = file(ISA, GS, "ST*999*0001", "SE*2*0001", "GE*1*01", IEA);

            assertThat(read(new Recorder(), text)).contains("GE [GE02 '01' does not match GS06 '1']");
        }

        @Test
        void warnsOfMissingCountAndControlNumberAndOfACountThatIsNotANumber() throws MalformedX12Exception {
            String text = file(ISA, GS, "ST*999*0001", "SE", "GE*ONE*1", IEA);

            assertThat(read(new Recorder(), text)).contains(
                    "SE 0001 [] [SE01 is missing; transaction set 0001 has 2 segments, "
                            + "SE02 is missing; ST02 is '0001']",
                    "GE [GE01 says ONE but functional group 1 has 1 transaction set]");
        }

        @Test
        void cutsARunawayValueShort() throws MalformedX12Exception {
            String text = file(ISA, GS, "ST*999*0001", "SE*" + "9".repeat(60) + "*0001", "GE*1*1", IEA);

            assertThat(read(new Recorder(), text)).contains("SE 0001 [] [SE01 says " + "9".repeat(40)
                    + "... (60 characters) but transaction set 0001 has 2 segments]");
        }
    }

    @Nested
    @DisplayName("an envelope out of order is refused, naming the segment")
    class Nesting {

        @ParameterizedTest(name = "{2}")
        @CsvSource(delimiter = '|', textBlock = """
                ST*999*0001                                | 2 | ST outside a functional group (no GS before it)
                GS,ST*999*0001,GS                          | 4 | GS before the GE that closes functional group 1
                GS,ST*999*0001,ST*999*0002                 | 4 | ST before the SE that closes transaction set 0001
                GS,ST*999*0001,GE*1*1                      | 4 | GE before the SE that closes transaction set 0001
                GS,ST*999*0001,SE*2*0001,IEA*1*000000001   | 5 | IEA before the GE that closes functional group 1
                GS,ST*999*0001,IEA*1*000000001             | 4 | IEA before the GE that closes functional group 1
                GS,ST*999*0001,SE*2*0001,GE*1*1,AK1*HC*1,IEA | 6 | AK1 outside any transaction (no open ST..SE)
                GS,ST*999*0001,SE*2*0001,AK1*HC*1,GE*1*1,IEA | 5 | AK1 outside any transaction (no open ST..SE)
                GS,ST*999*0001,SE*2*0001,GE*1*1,ISA        | 6 | ISA before the IEA that closes interchange 000000001
                GS,SE*2*0001                               | 3 | SE without an ST
                GS,ST*999*0001,SE*2*0001,GE*1*1,GE*1*1     | 6 | GE without a GS
                """)
        void refusesEnvelopesOutOfOrder(String segments, int number, String reason) {
            MalformedX12Exception e = refusal(new Recorder(), file(expand(segments)));

            assertThat(e).hasMessage("segment " + number + " (" + e.segmentId() + "): " + reason);
        }

        @Test
        @DisplayName("a kind may name the innermost envelope left open: truncated interchange, IEA before an SE")
        void namesTheInnermostOpenEnvelopeWhenTheKindAsks() {
            MalformedX12Exception newIsa = refusal(new Recorder(false, true),
                    file(ISA, GS, "ST*999*0001", "AK1*HC*1", ISA_2, GS, "ST*999*0001", "SE*2*0001", "GE*1*1",
                            "IEA*1*000000002"));
            MalformedX12Exception iea = refusal(new Recorder(false, true), file(ISA, GS, "ST*999*0001", IEA));

            assertThat(newIsa).hasMessage("segment 5 (ISA): truncated interchange 000000001: a new ISA comes before "
                    + "its SE (transaction set 0001 is not closed)");
            assertThat(iea).hasMessage("segment 4 (IEA): IEA before the SE that closes transaction set 0001");
        }

        @Test
        @DisplayName("the kind decides on a segment outside any transaction set: a TA1 between groups is skipped")
        void letsTheKindPassOverASegmentBetweenGroups() throws MalformedX12Exception {
            String text = file(ISA, "TA1*000000050*240315*1200*A*000", GS, "ST*999*0001", "SE*2*0001", "GE*1*1",
                    IEA);
            String inGroup = file(ISA, GS, "TA1*000000050*240315*1200*A*000", "ST*999*0001", "SE*2*0001",
                    "GE*1*1", IEA);

            assertThat(read(new Recorder(), text)).containsSubsequence("ISA 000000001", "skipped TA1", "GS 1");
            assertThat(refusal(new Recorder(), inGroup))
                    .hasMessage("segment 3 (TA1): TA1 outside any transaction (no open ST..SE)");
        }

        private static String[] expand(String segments) {
            List<String> all = new ArrayList<>();
            all.add(ISA);
            for (String segment : segments.split(",")) {
                all.add(switch (segment) {
                    case "GS" -> GS;
                    case "ISA" -> ISA_2;
                    case "IEA" -> IEA;
                    default -> segment;
                });
            }
            return all.toArray(String[]::new);
        }
    }

    @Nested
    @DisplayName("a file that ends inside an envelope is truncated, refused at its last segment before the kind's end")
    class Truncation {

        @ParameterizedTest(name = "{2}")
        @CsvSource(delimiter = '|', textBlock = """
                GS,ST*999*0001,AK1*HC*1             | 4 | AK1 | SE (transaction set 0001 is not closed)
                GS,ST*999*0001,SE*2*0001            | 4 | SE  | GE (functional group 1 is not closed)
                GS,ST*999*0001,SE*2*0001,GE*1*1     | 5 | GE  | IEA (interchange 000000001 is not closed)
                """)
        void refusesAFileThatEndsInsideAnEnvelope(String segments, int number, String tag, String missing) {
            List<String> all = new ArrayList<>(List.of(ISA));
            for (String segment : segments.split(",")) {
                all.add("GS".equals(segment) ? GS : segment);
            }

            Recorder kind = new Recorder();

            MalformedX12Exception e = refusal(kind, file(all.toArray(String[]::new)));

            assertThat(kind.calls).noneMatch(call -> call.startsWith("end"));
            assertThat(e).isNotNull();
            assertThat(e.segmentNumber()).isEqualTo(number);
            assertThat(e.segmentId()).isEqualTo(tag);
            assertThat(e.reason()).isEqualTo("truncated file: it ends before " + missing);
        }
    }

    @Nested
    @DisplayName("a kind refuses a group of another kind with a reason naming what it holds")
    class RefusedGroup {

        @Test
        void refusesTheGroupAtItsGs() {
            String text = file(ISA, GS.replace("GS*XX", "GS*HP"), "ST*835*0001", "SE*2*0001", "GE*1*1", IEA);
            Recorder kind = new Recorder();

            assertThat(refusal(kind, text))
                    .hasMessage("segment 2 (GS): functional group GS01 'HP' is not XX: this file holds an 835");
            assertThat(kind.calls).containsExactly("ISA 000000001");
        }

        @Test
        @DisplayName("the kind is asked before GS06 is read: a group of another kind is named so even without GS06")
        void asksTheKindBeforeReadingTheControlNumber() {
            String text = file(ISA, "GS*HP*SENDER*RECEIVER*20240315*1200", "ST*835*0001", "SE*2*0001", "GE*1*1",
                    IEA);

            assertThat(refusal(new Recorder(), text))
                    .hasMessage("segment 2 (GS): functional group GS01 'HP' is not XX: this file holds an 835");
        }

        @Test
        void refusesATransactionSetOfAnotherKindAtItsSt() {
            String text = file(ISA, GS, "ST*837", "SE*2*0001", "GE*1*1", IEA);

            assertThat(refusal(new Recorder(), text)).hasMessage("segment 3 (ST): not a 999");
        }
    }

    @Nested
    @DisplayName("a content error inside a transaction set")
    class ContentErrors {

        private final String text = file(ISA, GS, "ST*999*0001", "AK1*HC*1", "BAD*1", "AK9*A*1*1*1", "SE*5*0001",
                "ST*999*0002", "NIL", "SE*3*0002", "ST*999*0003", "AK1*HC*3", "SE*3*0003", "GE*3*1", IEA);

        @Test
        @DisplayName("refuses the file at once, unless the kind sets unreadable transaction sets aside")
        void refusesTheFile() {
            Recorder kind = new Recorder();

            assertThat(refusal(kind, text)).hasMessage("segment 5 (BAD): a bad segment");
            assertThat(kind.calls).containsExactly("ISA 000000001", "GS 1", "ST 0001");
        }

        @Test
        @DisplayName("set aside: the rest of the set is skipped to its SE and the other sets are read")
        void setsTheTransactionSetAside() throws MalformedX12Exception {
            assertThat(read(new Recorder(true, false), text)).containsExactly("ISA 000000001", "GS 1", "ST 0001",
                    "unreadable 0001 (segments 3-7): segment 5 (BAD): a bad segment", "ST 0002",
                    "unreadable 0002 (segments 8-10): segment 10 (SE): transaction set 0002 is empty", "ST 0003",
                    "SE 0003 [AK1] []", "GE []", "IEA []", "end 15 (IEA)");
        }

        @Test
        @DisplayName("a file stopped after a set was set aside is refused with the first error in it")
        void refusesAStoppedFileWithItsFirstError() {
            String truncated = text.substring(0, text.indexOf("GE*3*1"));
            X12Envelope<Reader> envelope = new X12Envelope<>(new Recorder(true, false));

            MalformedX12Exception truncation = catchThrowableOfType(MalformedX12Exception.class,
                    () -> X12Segments.read(new ByteArrayInputStream(truncated.getBytes(StandardCharsets.UTF_8)),
                            envelope));

            assertThat(truncation).hasMessageContaining("truncated file: it ends before GE");
            assertThat(envelope.refusal(truncation)).hasMessage("segment 5 (BAD): a bad segment");
        }
    }

    @Test
    @DisplayName("a file stopped with nothing set aside is refused with what stopped it")
    void refusesAStoppedFileWithWhatStoppedItWhenNothingWasSetAside() {
        X12Envelope<Reader> envelope = new X12Envelope<>(new Recorder(true, false));
        MalformedX12Exception error = new MalformedX12Exception(1, "ISA", "bad ISA");

        assertThat(envelope.refusal(error)).isSameAs(error);
    }
}
