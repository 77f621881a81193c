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
import org.junit.jupiter.params.provider.CsvSource;

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
                                + "payer for the reason", WorkPath.APPEAL));
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

    /** Issue 17, "Decisions to correct": each row of its table, as a billing expert would sign it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CO-A1 + N386 (NCD)                 | A1  | CO | N386 | 12 | 90837 |    | 11 | MEDICAL_NECESSITY        | appeals        | APPEAL",
            "CO-A1 + N30 (ineligible)           | A1  | CO | N30  | 12 | 90834 |    | 11 | ELIGIBILITY              | eligibility    | CORRECT",
            "CO-16 + N4 (prior payer's EOB)     | 16  | CO | N4   | 12 | 90834 |    | 11 | COORDINATION_OF_BENEFITS | eligibility    | CORRECT",
            "90833 + CO-97                      | 97  | CO |      | 12 | 99214 90833 | | 11 | CODING                | coding         | CORRECT",
            "S0201 + CO-97                      | 97  | CO |      | 12 | S0201 |    | 52 | BUNDLING                 | coding         | CORRECT",
            "S9475 + CO-97                      | 97  | CO |      | 12 | S9475 |    | 57 | BUNDLING                 | coding         | CORRECT",
            "H2036 + CO-97                      | 97  | CO |      | MC | H2036 |    | 57 | BUNDLING                 | coding         | CORRECT",
            "CO-96 on POS 02                    | 96  | CO |      | 12 | 90837 |    | 02 | TELEHEALTH               | coding         | CORRECT",
            "CO-96 on POS 10                    | 96  | CO |      | 12 | 90837 |    | 10 | TELEHEALTH               | coding         | CORRECT",
            "CO-96 with modifier 95             | 96  | CO |      | 12 | 90834 | 95 |    | TELEHEALTH               | coding         | CORRECT",
            "CO-96 with modifier GT             | 96  | CO |      | 12 | 90834 | GT |    | TELEHEALTH               | coding         | CORRECT",
            "CO-96 with modifier FQ             | 96  | CO |      | MC | 90834 | FQ |    | TELEHEALTH               | coding         | CORRECT",
            "CO-96 with modifier 93             | 96  | CO |      | MC | 90834 | 93 |    | TELEHEALTH               | coding         | CORRECT",
            "90834 POS 11 CO-16 + M77           | 16  | CO | M77  | 12 | 90834 |    | 11 | CODING                   | coding         | CORRECT",
            "CO-122 psychiatric reduction       | 122 | CO |      | 12 | 90837 |    | 11 | BENEFIT_LIMIT            | appeals        | REDUCTION",
            "Medicare Part B CO-29              | 29  | CO |      | MB | 90834 |    | 11 | TIMELY_FILING            | appeals        | REOPENING",
            "Medicare Part A CO-29              | 29  | CO |      | MA | 90834 |    | 11 | TIMELY_FILING            | appeals        | REOPENING",
            "commercial CO-29                   | 29  | CO |      | 12 | 90834 |    | 11 | TIMELY_FILING            | appeals        | TIMELY_FILING_PROOF",
            "OA-18 exact duplicate              | 18  | OA |      | 12 | 90837 |    | 11 | DUPLICATE                | coding         | MATCH_ORIGINAL",
            "CO-133 pending investigation       | 133 | CO |      | 12 | 90837 |    | 11 | OTHER                    | appeals        | AWAIT_STATUS",
            "CO-185 rendering not eligible      | 185 | CO |      | MC | 90834 | HO | 11 | CREDENTIALING            | credentialing  | CORRECT",
            "CO-39 authorization refused        | 39  | CO |      | 12 | 90837 |    | 11 | AUTHORIZATION            | authorizations | APPEAL",
            "CO-210 authorization late          | 210 | CO |      | 12 | H0035 |    | 52 | AUTHORIZATION            | authorizations | CORRECT",
            "CO-302 authorization expired       | 302 | CO |      | 12 | 90837 |    | 11 | AUTHORIZATION            | authorizations | APPEAL"})
    void decidesEveryRowOfIssue17AsABillingExpertWould(String name, String carc, String group, String rarcs,
            String filing, String procedures, String modifiers, String pos, RootCause rootCause, String queue,
            WorkPath path) {
        ClaimFacts facts = new ClaimFacts(carc, group, List.of(carc), list(rarcs), "4", filing, list(procedures),
                list(modifiers), pos, null);

        Classification c = CLASSIFIER.classify(facts);

        assertThat(c.rootCause()).as(name).isEqualTo(rootCause);
        assertThat(c.queue()).isEqualTo(queue);
        assertThat(c.path()).as(name + " path").isEqualTo(path);
        assertThat(c.correctable()).as(name + " correctable").isEqualTo(path == WorkPath.CORRECT);
        assertThat(c.explanation()).startsWith("CARC " + carc);
    }

    @Test
    void advisesTheEmAndAddOnPairingNeverModifier59ForAPsychotherapyAddOn() {
        var c = CLASSIFIER.classify(new ClaimFacts("97", "CO", List.of("97"), List.of(), "1", "12",
                List.of("90833"), List.of(), "11", null));

        assertThat(c.explanation()).contains("E/M", "add-on", "documented apart").doesNotContain("59", "XE", "XU");
    }

    @Test
    void saysAPerDiemDayIsOneBundle() {
        for (String code : List.of("S0201", "S9475", "H2036", "H0035", "S9480", "H0015", "0905", "0906", "0912", "0913")) {
            var c = CLASSIFIER.classify(new ClaimFacts("97", "CO", List.of("97"), List.of(), "4", "12",
                    List.of(code), List.of(), null, null));
            assertThat(c.rootCause()).as(code).isEqualTo(RootCause.BUNDLING);
            assertThat(c.explanation()).as(code).contains("per-diem");
        }
    }

    @Test
    void readsM77AsTelehealthOnlyWhenTheVisitWasNotInPerson() {
        var unknownPlace = CLASSIFIER.classify(new ClaimFacts("16", "CO", List.of("16"), List.of("M77"), "4", "12",
                List.of("90834"), List.of(), null, null));
        var inPerson = CLASSIFIER.classify(new ClaimFacts("16", "CO", List.of("16"), List.of("M77"), "4", "12",
                List.of("90834"), List.of(), "11", null));

        assertThat(unknownPlace.rootCause()).isEqualTo(RootCause.TELEHEALTH);
        assertThat(inPerson.rootCause()).isEqualTo(RootCause.CODING);
        assertThat(inPerson.explanation()).contains("in-person");
    }

    @Test
    void letsAMedicareTimelyFilingDenialBeReopenedOnlyWithProofAndNeverAppealed() {
        var c = CLASSIFIER.classify(new ClaimFacts("29", "CO", List.of("29"), List.of(), "4", "MB",
                List.of("90834"), List.of(), "11", null));

        assertThat(c.appealable()).isFalse();
        assertThat(c.explanation()).contains("no appeal rights", "reopening only with proof", "otherwise close");
        assertThat(c.workQueue()).isEqualTo("appeals");
    }

    @Test
    void reportsTheQueueWhereTheFirstWorkWaits() {
        var appealableB7 = CLASSIFIER.classify(new ClaimFacts("B7", "CO", List.of("B7"), List.of(), "4", "12",
                List.of("90837"), List.of(), "11", null));
        var duplicate = CLASSIFIER.classify(new ClaimFacts("18", "OA", List.of("18"), List.of(), "4", "12",
                List.of("90837"), List.of(), "11", null));
        var routine = CLASSIFIER.classify(facts("246"));

        assertThat(appealableB7.queue()).isEqualTo("credentialing");
        assertThat(appealableB7.workQueue()).isEqualTo("appeals");
        assertThat(duplicate.workQueue()).isEqualTo("coding");
        assertThat(routine.workQueue()).isEqualTo("managers");
    }

    @ParameterizedTest(name = "CO-{0} on {1}-{2} by {3}: {4}, modifier misfit {5}")
    @CsvSource({
            "185, 90837, HO, PSYCHOLOGIST, CODING, true",
            "4, 90834, HP, LCSW, CODING, true",
            "B7, 90837, HO, PSYCHIATRIST, CODING, true",
            "4, 90837, AJ, LCSW, CODING, false",
            "185, 90837, HO, LPC, CREDENTIALING, false",
            "185, 90837, HO, , CREDENTIALING, false"})
    void readsALicenseModifierThatDoesNotFitTheLicenseAsACodingFix(String carc, String procedure, String modifier,
            String credential, RootCause expected, boolean misfit) {
        ClaimFacts facts = new ClaimFacts(carc, "CO", List.of(carc), List.of(), "4", "MC", List.of(procedure),
                List.of(modifier), "11", null, credential);

        Classification c = CLASSIFIER.classify(facts);

        assertThat(c.rootCause()).isEqualTo(expected);
        assertThat(c.explanation().contains("does not fit the rendering provider's license")).isEqualTo(misfit);
    }

    @Test
    void answersARepeatedTupleFromMemoryAsTheTableWould() {
        RootCauseClassifier memo = RootCauseClassifier.fromClasspath();
        RootCauseClassifier fresh = RootCauseClassifier.fromClasspath();
        List<String> codes = CODES.carcs().stream().map(ReasonCode::code).toList();

        codes.forEach(code -> memo.classify(facts(code)));
        int rememberedAfterFirstPass = memo.remembered();

        // the second pass reads from memory, interleaved, and must still tell each tuple apart
        for (int i = codes.size() - 1; i >= 0; i--) {
            assertThat(memo.classify(facts(codes.get(i)))).as(codes.get(i))
                    .isEqualTo(fresh.classify(facts(codes.get(i))));
        }
        assertThat(rememberedAfterFirstPass).isEqualTo(codes.size());
        assertThat(memo.remembered()).isEqualTo(codes.size());
        // a fact beside the codes is part of the tuple: 5 is CODING alone and TELEHEALTH on a telehealth line
        ClaimFacts telehealth = new ClaimFacts("5", "CO", List.of("5"), List.of(), "4", "12", List.of("90837"),
                List.of("95"), "11", null);
        assertThat(memo.classify(telehealth).rootCause()).isEqualTo(fresh.classify(telehealth).rootCause())
                .isNotEqualTo(memo.classify(facts("5")).rootCause());
    }

    @Test
    void remembersAtMostItsBoundOfTuples() {
        RootCauseClassifier memo = RootCauseClassifier.fromClasspath();

        // codes the table does not know: each its own tuple (the explanation names the code)
        for (int i = 0; i <= RootCauseClassifier.REMEMBERED; i++) {
            memo.classify(new ClaimFacts("Z" + i, "CO", List.of("Z" + i), List.of(), "4", "12", List.of("90837"),
                    List.of(), "11", null));
        }

        assertThat(memo.remembered()).isBetween(1, RootCauseClassifier.REMEMBERED);
    }

    @Test
    void remembersOneTupleForClaimsThatDifferOnlyInWhatTheTableDoesNotRead() {
        RootCauseClassifier memo = RootCauseClassifier.fromClasspath();
        List<ClaimFacts> claims = List.of(
                new ClaimFacts("50", "CO", List.of("50"), List.of("N180"), "4", "12", List.of("90837", "90785"),
                        List.of(), "11", "PAYER-A"),
                // another payer, the procedures in another order with another code the table never asks about
                new ClaimFacts("50", "CO", List.of("50"), List.of("N180"), "4", "12",
                        List.of("90785", "90791", "90837"), List.of(), "11", "PAYER-B"));

        claims.forEach(memo::classify);

        assertThat(memo.remembered()).isOne();
        for (ClaimFacts claim : claims) {
            assertThat(memo.classify(claim)).isEqualTo(memo.classifyAfresh(claim));
        }
        // without the interactive-complexity add-on the table reads another tuple
        memo.classify(new ClaimFacts("50", "CO", List.of("50"), List.of("N180"), "4", "12", List.of("90837"),
                List.of(), "11", "PAYER-A"));
        assertThat(memo.remembered()).isEqualTo(2);
    }

    @Test
    void answersFromMemoryAsTheTableWouldForEveryCombinationOfTheCodesItAsksAbout() {
        RootCauseClassifier memo = RootCauseClassifier.fromClasspath();
        List<List<String>> remarks = List.of(List.of(), List.of("N54"), List.of("M77"), List.of("MA130", "N290"),
                List.of("M62", "N95"), List.of("N570", "M77", "N180"));
        List<List<String>> procedures = List.of(List.of("90837"), List.of("90837", "90785"), List.of("99213"),
                List.of("H0015"), List.of("99214", "90833"));
        List<List<String>> modifiers = List.of(List.of(), List.of("95"), List.of("59"), List.of("XU", "HO"));
        List<String> carcs = List.of("50", "197", "29", "4", "16", "185", "96", "B7", "242");
        for (int round = 0; round < 2; round++) {
            for (String carc : carcs) {
                for (List<String> rarc : remarks) {
                    for (List<String> procedure : procedures) {
                        for (List<String> modifier : modifiers) {
                            ClaimFacts claim = new ClaimFacts(carc, "CO", List.of(carc, "29"), rarc, "1", "MC",
                                    procedure, modifier, null, "P" + round);
                            assertThat(memo.classify(claim)).as("%s", claim).isEqualTo(memo.classifyAfresh(claim));
                        }
                    }
                }
            }
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
