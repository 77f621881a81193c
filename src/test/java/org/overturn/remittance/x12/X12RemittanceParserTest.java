package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.Edi835;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;

/** The parser as a whole: how it reads its input, and that it keeps no state between calls. */
class X12RemittanceParserTest {

    private static final List<String> READABLE = List.of("tastypackets__profee-multiple.835",
            "stupidedi__x221-case1-plus-delimited-prose-header.835",
            "oopfactory__deidentified-nebraska-medicaid-3-interchanges.835",
            "affect-therapeutics__nevada-medicaid-3-st-plb-only.835");
    private static final String REFUSED = "oopfactory__5010-example1-behavioral-health-reversals.835";
    private static final List<String> SAMPLES = List.of(READABLE.get(0), READABLE.get(1), READABLE.get(2),
            READABLE.get(3), REFUSED);

    @Test
    void standardParserIsTheStaediParser() {
        assertThat(RemittanceParser.standard()).isInstanceOf(X12RemittanceParser.class);
    }

    @ParameterizedTest(name = "{0} bytes per read")
    @ValueSource(ints = {1, 3, 7, 106, 4096})
    @DisplayName("input that arrives a few bytes at a time reads the same: headers found across read boundaries")
    void readsTheSameWhateverSizeTheInputArrivesIn(int chunk) throws MalformedX12Exception {
        for (String sample : READABLE) {
            byte[] bytes = RealSample.bytes(sample);

            RemittanceFile trickled = new X12RemittanceParser().parse(new Trickle(bytes, chunk));

            assertThat(trickled).as(sample)
                    .isEqualTo(new X12RemittanceParser().parse(new ByteArrayInputStream(bytes)));
        }
    }

    @Test
    void rejectsTheSameWhateverSizeTheInputArrivesIn() {
        byte[] bytes = RealSample.bytes(REFUSED);

        MalformedX12Exception e = catchThrowableOfType(
                () -> new X12RemittanceParser().parse(new Trickle(bytes, 1)), MalformedX12Exception.class);

        assertThat(e.getMessage()).isEqualTo("segment 98 (CLP): missing required element CLP03");
    }

    @Test
    void readsFilesConcurrentlyWithOneParser() throws Exception {
        RemittanceParser parser = RemittanceParser.standard();
        List<Object> expected = new ArrayList<>();
        for (String sample : SAMPLES) {
            expected.add(outcome(parser, sample));
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String sample : SAMPLES) {
                    futures.add(pool.submit(() -> outcome(parser, sample)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(expected.get(i % SAMPLES.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void readsLargeTransactionSet() throws MalformedX12Exception {
        int claims = 20_000;
        Edi835 edi = Edi835.create().delimiters('*', ':', '^', "~\n").interchange("000000001").group("1")
                .transaction("0001").header("0");
        for (int i = 1; i <= claims; i++) {
            edi.segment("CLP*PCN-" + i + "*4*150*0**12*P" + i).segment("CAS*CO*197*150")
                    .segment("SVC*HC:90837:95*150*0**1").segment("DTM*472*20240301").segment("LQ*HE*N54");
        }

        RemittanceFile file = RemittanceParser.standard().parse(edi.closeAll().stream());

        List<ClaimPayment> read = file.transactions().get(0).claims();
        assertThat(read).hasSize(claims);
        assertThat(read.get(claims - 1).patientControlNumber()).isEqualTo("PCN-" + claims);
        assertThat(read.get(claims - 1).lines().get(0).remarks()).containsExactly("N54");
    }

    private static Object outcome(RemittanceParser parser, String sample) {
        try {
            return parser.parse(new ByteArrayInputStream(RealSample.bytes(sample)));
        } catch (MalformedX12Exception e) {
            return e.getMessage();
        }
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network stream does. */
    private static final class Trickle extends FilterInputStream {

        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            super(new ByteArrayInputStream(bytes));
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            return super.read(target, offset, Math.min(length, chunk));
        }

        @Override
        public int available() {
            return 0;
        }
    }

}
