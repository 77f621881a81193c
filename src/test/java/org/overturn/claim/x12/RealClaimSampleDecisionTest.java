package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.claim.ClaimFile;
import org.overturn.x12.MalformedX12Exception;

/**
 * Accept or refuse, for every real 837 sample. Wrong SE/GE/IEA counts and control numbers are accepted (real
 * clearinghouses forward them; the claims are whole); so are codes outside their lists and charges that do not
 * balance. A file is refused whole, at the segment at fault, when it has no usable envelope, when a claim cannot be
 * read whole, or when a value is not what it says. The per-file facts are in the *ClaimSampleTest classes.
 */
class RealClaimSampleDecisionTest {

    /** File → number of claims read. */
    private static final Map<String, Integer> ACCEPTED = Map.ofEntries(
            Map.entry("linuxforhealth__x222a2-example12-out-of-network-gt-components.837", 1),
            Map.entry("oopfactory__st1309-bom-lf-terminator-indented.837", 1),
            Map.entry("pyx12__4010-837i-cmh-encounter-replacement-freq7.837", 2),
            Map.entry("pyx12__4010-cmh-h2015-prior-auth-2-claims.837", 2),
            Map.entry("staedi__backtick-repetition-lf-terminator-00402.837", 1),
            Map.entry("stupidedi__x222-example3b-cob-prose-header.837", 1),
            Map.entry("stupidedi__x222a1-example1-commercial-one-line.837", 1),
            Map.entry("stupidedi__x223a2-two-claims-same-provider-one-line.837", 2));

    private static final String ISA11_U = "bad ISA: ISA11 'U' cannot be a repetition separator (required from "
            + "version 00402 on)";

    static Stream<Arguments> rejected() {
        return Stream.of(
                // ISA11 'U' under version 00501: the shared X12 reader's rule, as for 835s
                // (their content is read in ImswebClaimSampleTest)
                Arguments.of("imsweb__bad-first-line-isa-105-chars.837", 1, "ISA", ISA11_U),
                Arguments.of("imsweb__different-separators-tilde-caret-underscore.837", 1, "ISA", ISA11_U),
                Arguments.of("imsweb__segment-errors.837", 1, "ISA", ISA11_U),
                Arguments.of("imsweb__three-gs-in-one-isa.837", 1, "ISA", ISA11_U),
                Arguments.of("imsweb__x223a2-malformed-trailing-spaces.837", 1, "ISA", ISA11_U),
                // without ISA there are no delimiters and no interchange
                Arguments.of("imsweb__no-isa-starts-at-gs.837", 1, "GS", "no ISA interchange header"),
                // an NM1 without its entity code cannot be placed in any loop
                Arguments.of("oopfactory__masked-tx-medicaid-5-claims-missing-entity-code.837", 25, "NM1",
                        "missing required element NM101"),
                // a birth date of month 13: a date that is not one (the value is not quoted: it is PHI)
                Arguments.of("pyx12__4010-bad-elements-pos95-freq8.837", 20, "DMG",
                        "DMG02 is not a valid date (CCYYMMDD)"),
                // GS01 XX: not a group of claims
                Arguments.of("stupidedi__x222-fail-4-msp-with-error-list.837", 2, "GS",
                        "functional group GS01 'XX' is not HC (health care claim)"),
                // the first interchange stops after a line: its claim may have lost the rest
                Arguments.of("tigershark__4010-837i-psych-inpatient-truncated-interchange.837", 54, "ISA",
                        "truncated interchange 000000003: a new ISA comes before its SE (transaction set 30001 "
                                + "is not closed)"));
    }

    static Stream<Arguments> accepted() {
        return ACCEPTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "accepts {0}: {1} claims")
    @MethodSource("accepted")
    void acceptsSoundRealSample(String file, int claims) throws MalformedX12Exception {
        ClaimFile parsed = RealClaimSample.parse(file);

        assertThat(parsed.claimCount()).isEqualTo(claims);
    }

    @ParameterizedTest(name = "refuses {0} at segment {1} ({2}): {3}")
    @MethodSource("rejected")
    void refusesDefectiveRealSampleAtTheSegmentAtFault(String file, int segment, String id, String reason) {
        MalformedX12Exception e = RealClaimSample.rejection(file);

        assertThat(e.getMessage()).isEqualTo("segment " + segment + " (" + id + "): " + reason);
    }

    @Test
    void decidesEveryReal837Sample() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getResource(RealClaimSample.FOLDER).toURI());
        Set<String> decided = Stream.concat(ACCEPTED.keySet().stream(),
                rejected().map(a -> (String) a.get()[0])).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".837")))
                    .containsExactlyInAnyOrderElementsOf(decided);
        }
    }
}
