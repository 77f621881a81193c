package org.overturn.remittance.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceFile;

/**
 * Accept or reject, for every real sample: a file that has no envelope, or that holds an invalid value in its only
 * transaction set, is refused whole, at the segment that is wrong, since a product that posts money cannot guess what
 * the payer meant. A file whose envelope counts or control numbers disagree is accepted, with a warning on each
 * transaction set the wrong trailer closes: real payers send them, and every segment of the payments is there. The
 * per-file facts are in the other *SampleTest classes.
 */
class RealSampleDecisionTest {

    /** File → number of claims read. */
    private static final Map<String, Integer> ACCEPTED = Map.ofEntries(
            Map.entry("affect-therapeutics__nevada-medicaid-3-st-plb-only.835", 3),
            Map.entry("chs-cds-aiml__test-claim-and-line-cas-double-counted.835", 1),
            Map.entry("keironstoddart__united_healthcare_legacy_sample.835", 2),
            Map.entry("linuxforhealth__cob-contractural-adjustment.835", 1),
            Map.entry("linuxforhealth__medicare-part-a.835", 2),
            Map.entry("linuxforhealth__secondary-payment.835", 2),
            Map.entry("linuxforhealth__tertiary-payment.835", 1),
            Map.entry("oopfactory__deidentified-nebraska-medicaid-3-interchanges.835", 56),
            Map.entry("pyx12__835_mult_loops.835", 1),
            Map.entry("pyx12__835_simple_4010.835", 3),
            Map.entry("stupidedi__004010-case1-pipe-delimited.835", 1),
            Map.entry("stupidedi__multiple-claims-single-check-dental.835", 9),
            Map.entry("stupidedi__x221-case1-plus-delimited-prose-header.835", 2),
            Map.entry("stupidedi__x221-case3a-two-plb-prose-header.835", 2),
            Map.entry("tastypackets__multi-line-not-delimited.835", 3),
            Map.entry("tastypackets__profee-multiple.835", 468),
            Map.entry("tastypackets__profee-one-line.835", 3),
            Map.entry("tastypackets__profee.835", 3));

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("affect-therapeutics__exhaustive-masked-no-isa.835", 1, "ST", "no ISA interchange header"),
                Arguments.of("keironstoddart__blue_cross_nc_sample.835", 1, "ST", "no ISA interchange header"),
                Arguments.of("linuxforhealth__managed-care.835", 4, "BPR",
                        "BPR16 '20002316' is not a valid date"),
                // its truncated claim is in its only transaction set: nothing of the file is readable without it
                Arguments.of("oopfactory__5010-example1-behavioral-health-reversals.835", 98, "CLP",
                        "missing required element CLP03"),
                Arguments.of("stupidedi__fail-2.835", 2, "GS", "GS01 'XX' is not HP"),
                Arguments.of("stupidedi__fail-3a.835", 2, "GS", "GS01 'XX' is not HP"),
                Arguments.of("stupidedi__fail-3b.835", 2, "GS", "GS01 'XX' is not HP"));
    }

    /** File → the envelope warnings of each of its transaction sets; every other accepted file has none. */
    private static final Map<String, List<List<String>>> WARNED = Map.of(
            "affect-therapeutics__nevada-medicaid-3-st-plb-only.835",
            List.of(List.of("IEA02 '100000301' does not match ISA13 '100000300'"),
                    List.of("IEA02 '100000301' does not match ISA13 '100000300'"),
                    List.of("IEA02 '100000301' does not match ISA13 '100000300'")),
            "chs-cds-aiml__test-claim-and-line-cas-double-counted.835",
            List.of(List.of("SE01 says 17 but transaction set 0001 has 16 segments")),
            "stupidedi__x221-case3a-two-plb-prose-header.835",
            List.of(List.of("SE01 says 39 but transaction set 0001 has 41 segments")));

    static Stream<Arguments> accepted() {
        return ACCEPTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "accepts {0}: {1} claims")
    @MethodSource("accepted")
    void acceptsReadableRealSampleWithItsEnvelopeWarnings(String file, int claims) throws MalformedX12Exception {
        RemittanceFile remittance = RealSample.parse(file);

        assertThat(remittance.claimCount()).isEqualTo(claims);
        assertThat(remittance.unreadable()).isEmpty();
        List<List<String>> noWarnings = remittance.transactions().stream().map(t -> List.<String>of()).toList();
        assertThat(remittance.transactions()).extracting(RemittanceAdvice::envelopeWarnings)
                .containsExactlyElementsOf(WARNED.getOrDefault(file, noWarnings));
    }

    @ParameterizedTest(name = "rejects {0} at segment {1} ({2}): {3}")
    @MethodSource("rejected")
    void rejectsDefectiveRealSampleAtTheWrongSegment(String file, int segment, String id, String reason) {
        MalformedX12Exception e = RealSample.rejection(file);

        assertThat(e.segmentNumber()).isEqualTo(segment);
        assertThat(e.segmentId()).isEqualTo(id);
        assertThat(e.reason()).contains(reason);
        assertThat(e.getMessage()).startsWith("segment " + segment + " (" + id + "): ");
    }

    @Test
    void everyRealSampleHasADecision() throws IOException, URISyntaxException {
        Path folder = Path.of(RealSampleDecisionTest.class.getResource(RealSample.FOLDER).toURI());
        java.util.Set<String> decided = new java.util.HashSet<>(ACCEPTED.keySet());
        rejected().forEach(a -> decided.add((String) a.get()[0]));

        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".835")))
                    .containsExactlyInAnyOrderElementsOf(decided);
        }
    }
}
