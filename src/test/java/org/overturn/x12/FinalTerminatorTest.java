package org.overturn.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A file whose segment terminator is a line break often ends without one after its IEA: that IEA is whole and is
 * read as such. Any other last segment without its terminator may have lost elements: it is not handed on, and the
 * reader of the transaction sees the file end after the segment before it.
 */
class FinalTerminatorTest {

    private static final String ISA = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       "
            + "*240315*1200*^*00501*000000001*0*P*:";

    /** Collects the ids of the segments read and the end reported. */
    private static final class Ids implements X12Segments.Handler {
        final List<String> read = new ArrayList<>();
        String endTag;

        @Override
        public void accept(Segment segment) {
            read.add(segment.tag() + "@" + segment.number());
        }

        @Override
        public void end(int lastNumber, String lastTag) {
            endTag = lastTag + "@" + lastNumber;
        }
    }

    private static Ids read(String text) throws MalformedX12Exception {
        return X12Segments.read(text.getBytes(StandardCharsets.UTF_8), Ids::new);
    }

    @Test
    void readsLastInterchangeTrailerThatHasNoLineBreakAfterIt() throws MalformedX12Exception {
        Ids ids = read(ISA + "\nGS*HC*S*R*20240315*1200*1*X*005010X222A1\nGE*0*1\nIEA*1*000000001");

        assertThat(ids.read).containsExactly("ISA@1", "GS@2", "GE@3", "IEA@4");
    }

    @Test
    void readsLastInterchangeTrailerThatHasNoTildeAfterIt() throws MalformedX12Exception {
        Ids ids = read(ISA + "~GS*HC*S*R*20240315*1200*1*X*005010X222A1~GE*0*1~IEA*1*000000001");

        assertThat(ids.read).containsExactly("ISA@1", "GS@2", "GE@3", "IEA@4");
    }

    @Test
    void doesNotCompleteAnyOtherUnterminatedLastSegment() throws MalformedX12Exception {
        Ids ids = read(ISA + "\nGS*HC*S*R*20240315*1200*1*X*005010X222A1\nGE*0");

        assertThat(ids.read).containsExactly("ISA@1", "GS@2");
        assertThat(ids.endTag).isEqualTo("GE@3");
    }
}
