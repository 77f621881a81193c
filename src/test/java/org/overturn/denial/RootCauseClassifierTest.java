package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.overturn.denial.Claims.claim;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class RootCauseClassifierTest {

    private static final RootCauseClassifier CLASSIFIER = RootCauseClassifier.fromClasspath();
    private static final ReasonCodeList CODES = ReasonCodeList.shipped();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/denial/root-cause-cases.csv", numLinesToSkip = 1)
    void classifiesRealisticCodeCombinations(String name, String primary, String group, String carcs, String rarcs,
            String status, String filing, String procedures, String modifiers, String pos, RootCause rootCause,
            String queue, boolean correctable, boolean appealable) {
        ClaimFacts facts = new ClaimFacts(primary, group, list(carcs), list(rarcs), status, filing, list(procedures),
                list(modifiers), pos, null);

        Classification classification = CLASSIFIER.classify(facts);

        assertThat(classification.rootCause()).isEqualTo(rootCause);
        assertThat(classification.queue()).isEqualTo(queue).isEqualTo(rootCause.queue());
        assertThat(classification.correctable()).as("correctable").isEqualTo(correctable);
        assertThat(classification.appealable()).as("appealable").isEqualTo(appealable);
        assertThat(classification.explanation()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/denial/root-cause-cases.csv", numLinesToSkip = 1)
    void readsTheSameOnTheProcessEnginesDefaultFeel(String name, String primary, String group, String carcs,
            String rarcs, String status, String filing, String procedures, String modifiers, String pos,
            RootCause rootCause, String queue, boolean correctable, boolean appealable) {
        ClaimFacts facts = new ClaimFacts(primary, group, list(carcs), list(rarcs), status, filing, list(procedures),
                list(modifiers), pos, null);

        assertThat(DefaultFeel.CLASSIFIER.classify(facts)).isEqualTo(CLASSIFIER.classify(facts));
    }

    @Test
    void classifiesEveryCarcOfTheShippedList() {
        assertThat(CODES.carcs()).allSatisfy(code -> {
            Classification c = CLASSIFIER.classify(facts(code.code()));
            assertThat(c.rootCause()).isNotNull();
            assertThat(c.queue()).isEqualTo(c.rootCause().queue());
            assertThat(c.explanation()).startsWith("CARC " + code.code());
        });
    }

    @Test
    void givesEveryActiveCarcItsOwnRowRatherThanTheDefault() {
        assertThat(CODES.carcs()).filteredOn(code -> code.active() || code.stopDate() == null)
                .hasSizeGreaterThanOrEqualTo(296)
                .allSatisfy(code -> assertThat(CLASSIFIER.classify(facts(code.code())).explanation())
                        .as("CARC %s", code.code())
                        .doesNotContain("is not in the root-cause table"));
    }

    @Test
    void explainsInPlainEnglishStartingWithTheCode() {
        assertThat(CLASSIFIER.classify(facts("197")).explanation())
                .startsWith("CARC 197: precertification/authorization absent");
        assertThat(CLASSIFIER.classify(facts("29")).explanation())
                .isEqualTo("CARC 29: the time limit for filing has expired; appeal only with proof of timely "
                        + "submission (clearinghouse acceptance report)");
    }

    @Test
    void namesTheCodeInExplanationsSharedByAGroupOfCodes() {
        assertThat(CLASSIFIER.classify(facts("179")).explanation())
                .isEqualTo("CARC 179: the patient has not met the plan's spend-down, waiting or residency "
                        + "requirement; verify eligibility for the date of service");
    }

    @Test
    void explainsTimeBasedPsychotherapyDenialsByDocumentedMinutes() {
        ClaimFacts facts = new ClaimFacts("11", "CO", List.of("11"), List.of(), "4", "12", List.of("90837"),
                List.of(), "11", null);

        assertThat(CLASSIFIER.classify(facts).explanation())
                .startsWith("CARC 11 on a time-based psychotherapy code")
                .contains("documented session minutes", "90834 38-52", "90837 53 or more");
    }

    @Test
    void explainsPerDiemAuthorizationDenialsByStepDown() {
        ClaimFacts facts = new ClaimFacts("197", "CO", List.of("197"), List.of(), "4", "12", List.of("S9480"),
                List.of(), null, null);

        assertThat(CLASSIFIER.classify(facts).explanation())
                .startsWith("CARC 197 on a PHP/IOP per-diem day")
                .contains("step-down");
    }

    @Test
    void explainsTelehealthDenialsWithTheModifierOrPlaceOfService() {
        ClaimFacts facts = new ClaimFacts("4", "CO", List.of("4"), List.of(), "4", "12", List.of("90834"),
                List.of("GT"), null, null);

        assertThat(CLASSIFIER.classify(facts).explanation()).startsWith("CARC 4 on a telehealth line")
                .contains("95, GT, FQ or 93");
    }

    @Test
    void explainsACodeTheTableDoesNotKnowAndADenialWithoutCode() {
        assertThat(CLASSIFIER.classify(facts("Z99")).explanation()).startsWith("CARC Z99 is not in the root-cause table");
        assertThat(CLASSIFIER.classify(facts(null)))
                .isEqualTo(new Classification(RootCause.OTHER, "appeals", false, true,
                        "Denied without a non-routine adjustment reason code; read the remark codes and ask the "
                                + "payer for the reason"));
    }

    @Test
    void classifiesAClaimPaymentWithItsAssessment() {
        var claim = claim("4", "180", "0").facility("10")
                .line("90837", "180", "0", "95").lineAdjust("CO", "5", "180").build();
        DenialAssessment assessment = new DenialDetector().assess(claim).orElseThrow();

        Classification classification = CLASSIFIER.classify(claim, assessment);

        assertThat(classification.rootCause()).isEqualTo(RootCause.TELEHEALTH);
        assertThat(classification.queue()).isEqualTo(WorkQueue.CODING);
    }

    @Test
    void usesTheOriginalClaimsPlaceOfServiceWhenKnown() {
        var claim = claim("4", "180", "0").line("90834", "180", "0").lineAdjust("CO", "5", "180").build();
        ClaimFacts facts = ClaimFacts.of(claim, new DenialDetector().assess(claim).orElseThrow());

        assertThat(CLASSIFIER.classify(facts).rootCause()).isEqualTo(RootCause.CODING);
        assertThat(CLASSIFIER.classify(facts.withPlaceOfService("02")).rootCause()).isEqualTo(RootCause.TELEHEALTH);
    }

    @Test
    void classifiesFromManyThreadsAtOnce() throws Exception {
        List<String> codes = CODES.carcs().stream().map(ReasonCode::code).toList();
        List<Classification> expected = codes.stream().map(c -> CLASSIFIER.classify(facts(c))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Classification>>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> codes.stream().map(c -> CLASSIFIER.classify(facts(c))).toList()));
            }
            for (Future<List<Classification>> run : runs) {
                assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "CO-{0} on {1} by {2}: {3}")
    @org.junit.jupiter.params.provider.CsvSource({
            "8, 90833, LCSW, CODING",
            "170, 99214, LPC, CODING",
            "B7, 90836, PSYCHOLOGIST, CODING",
            "8, 90833, PSYCHIATRIST, CREDENTIALING",
            "8, 90833, PSYCHIATRIC_NURSE_PRACTITIONER, CREDENTIALING",
            "8, 90834, LCSW, CREDENTIALING",
            "8, 90833, , CREDENTIALING"})
    void anEmServiceByALicenseThatBillsNoEmIsACodingFixNotCredentialing(String carc, String procedure,
                                                                         String credential, RootCause expected) {
        ClaimFacts facts = new ClaimFacts(carc, "CO", List.of(carc), List.of(), "4", "12", List.of(procedure),
                List.of(), "11", null, credential);

        var classification = CLASSIFIER.classify(facts);

        assertThat(classification.rootCause()).isEqualTo(expected);
        if (expected == RootCause.CODING) {
            assertThat(classification.queue()).isEqualTo("coding");
            assertThat(classification.correctable()).isTrue();
            assertThat(classification.explanation()).contains("does not bill E/M", "90834");
        }
    }

    private static ClaimFacts facts(String primaryCarc) {
        return new ClaimFacts(primaryCarc, "CO", primaryCarc == null ? List.of() : List.of(primaryCarc), List.of(),
                "4", "12", List.of("99213"), List.of(), "11", null);
    }

    private static List<String> list(String spaceSeparated) {
        return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }

    /** Built only when the compatibility test runs: the Scala FEEL engine is slow to start. */
    private static final class DefaultFeel {
        static final RootCauseClassifier CLASSIFIER =
                RootCauseClassifier.withEngine(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
    }
}
