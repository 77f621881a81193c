package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.overturn.Samples;
import org.overturn.remittance.ClaimPayment;
import org.overturn.remittance.RemittanceParser;

/**
 * The de-identified Nebraska Medicaid sample (shared/samples/835/real): 16 claims say CLP02 4, and 12 of them carry
 * only capitation (CO-24), one only a prior payer's adjudication (CO-23). Those are not denials (DESIGN section 3).
 */
class NebraskaCapitationTest {

    private final DenialDetector detector = new DenialDetector();

    @Test
    void capitatedServicesOfTheNebraskaMedicaidSampleAreCountedApartFromDenials() throws Exception {
        List<ClaimPayment> claims = RemittanceParser.standard()
                .parse(new ByteArrayInputStream(Samples.real("oopfactory__deidentified-nebraska-medicaid-3-interchanges.835")))
                .transactions().stream().flatMap(t -> t.claims().stream()).toList();

        Map<NotADenial, Long> apart = claims.stream().flatMap(c -> detector.notADenial(c).stream())
                .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
        List<DenialAssessment> denials = claims.stream().flatMap(c -> detector.assess(c).stream()).toList();
        long deniedStatus = claims.stream().filter(c -> "4".equals(c.status())).count();

        assertThat(deniedStatus).isEqualTo(16);
        assertThat(apart).containsOnly(Map.entry(NotADenial.CAPITATED, 12L), Map.entry(NotADenial.ROUTINE_ADJUSTMENTS, 1L));
        assertThat(denials).extracting(DenialAssessment::kind).filteredOn(k -> k == DenialKind.FULL).hasSize(3);
        assertThat(denials).extracting(DenialAssessment::primaryReason).contains("204", "165", "29");
        assertThat(claims).filteredOn(c -> detector.notADenial(c).isPresent())
                .allSatisfy(c -> assertThat(detector.assess(c)).isEmpty());
    }
}
