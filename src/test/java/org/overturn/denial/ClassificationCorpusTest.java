package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The classification corpus ({@value #CORPUS}): behavioral-health denials across CARC, RARC, procedure, modifier,
 * place of service, filing indicator and license, each with the decision a billing expert would sign and why. Its
 * coverage (per root cause, queue and path) is in README, "Classification corpus".
 */
class ClassificationCorpusTest {

    static final String CORPUS = "/denial/classification-corpus.csv";
    private static final RootCauseClassifier CLASSIFIER = RootCauseClassifier.fromClasspath();

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = CORPUS, numLinesToSkip = 1)
    void decidesAsABillingExpertWould(String name, String status, String carc, String group, String rarcs,
            String procedures, String modifiers, String pos, String filing, String credential, RootCause rootCause,
            String workQueue, WorkPath path, String why) {
        ClaimFacts facts = new ClaimFacts(carc, group, carc == null ? List.of() : List.of(carc), list(rarcs), status,
                filing, list(procedures), list(modifiers), pos, null, credential);

        Classification c = CLASSIFIER.classify(facts);

        assertThat(why).as("why").isNotBlank();
        assertThat(c.rootCause()).as(name).isEqualTo(rootCause);
        assertThat(c.path()).as(name + ": path").isEqualTo(path);
        assertThat(c.workQueue()).as(name + ": queue of the first work").isEqualTo(workQueue);
        assertThat(c.queue()).isEqualTo(rootCause.queue());
        if (c.explanation().contains("with RARC ")) {
            assertThat(rarcs).as(name + ": the remark the explanation names").isNotNull();
            assertThat(c.explanation()).contains(rarcs.trim().split("\\s+")[0]);
        }
    }

    /** The process engine reads the table with its default FEEL engine: every row decides the same there. */
    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = CORPUS, numLinesToSkip = 1)
    void decidesTheSameOnTheProcessEnginesDefaultFeel(String name, String status, String carc, String group,
            String rarcs, String procedures, String modifiers, String pos, String filing, String credential) {
        ClaimFacts facts = new ClaimFacts(carc, group, carc == null ? List.of() : List.of(carc), list(rarcs), status,
                filing, list(procedures), list(modifiers), pos, null, credential);

        assertThat(DefaultFeel.CLASSIFIER.classify(facts)).isEqualTo(CLASSIFIER.classify(facts));
    }

    @Test
    void coversEveryRootCauseAndPathWithAtLeast150Denials() {
        var rows = CorpusRows.read(CORPUS);

        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rows.stream().map(r -> r.get("rootCause")).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(RootCause.values()).map(Enum::name).toList());
        assertThat(rows.stream().map(r -> r.get("path")).distinct())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(WorkPath.values()).map(Enum::name).toList());
        assertThat(rows.stream().map(r -> r.get("filing")).distinct()).contains("12", "13", "14", "15", "16", "HM",
                "MA", "MB", "MC", "CH", "VA", "WC");
    }

    /** Built only when the compatibility test runs: the Scala FEEL engine is slow to start. */
    private static final class DefaultFeel {
        static final RootCauseClassifier CLASSIFIER = RootCauseClassifier.withEngine(
                org.camunda.bpm.dmn.engine.DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
    }

    private static List<String> list(String spaceSeparated) {
        return spaceSeparated == null ? List.of() : Arrays.asList(spaceSeparated.trim().split("\\s+"));
    }
}
