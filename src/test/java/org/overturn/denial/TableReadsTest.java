package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a decision table reads of its variables, and so what a memo of its answers must key on. */
class TableReadsTest {

    private final TableReads reads = TableReads.ofExpressions(List.of(
            "primaryCarc",
            "${rarcs.contains('N54') or rarcs.contains(\"M62\")}",
            "${procedures.contains('90785')}",
            "${hasTelehealthModifier or (rarcs.contains('M77') and placeOfService == null)}",
            "\"CARC \" + primaryCarc + \": see the remark codes, the payer's procedures\"",
            "${modifiers.contains('59') or modifiers.size() > 2}"));

    @Test
    void keepsWhatTheTableNamesAndDropsWhatItNeverDoes() {
        Map<String, Object> key = reads.keyOf(Map.of("primaryCarc", "50", "payerId", "P1", "placeOfService", "11",
                "hasTelehealthModifier", false));

        assertThat(key).containsOnlyKeys("primaryCarc", "placeOfService", "hasTelehealthModifier")
                .as("a word inside a quoted explanation is no variable").doesNotContainKey("procedures");
    }

    @Test
    void readsAListItOnlyAsksContainsOfAsTheCodesItHolds() {
        Map<String, Object> one = reads.keyOf(Map.of("rarcs", List.of("N180", "M62", "N54"),
                "procedures", List.of("90837", "90785")));
        Map<String, Object> other = reads.keyOf(Map.of("rarcs", List.of("N54", "M62"),
                "procedures", List.of("90785", "90791")));

        assertThat(one).isEqualTo(other).containsEntry("rarcs", List.of("M62", "N54"))
                .containsEntry("procedures", List.of("90785"));
        assertThat(reads.keyOf(Map.of("procedures", List.of("90837")))).containsEntry("procedures", List.of());
    }

    @Test
    void readsAListWholeWhenTheTableAsksMoreOfItThanContains() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("modifiers", List.of("HO", "59", "95"));

        assertThat(reads.keyOf(variables)).containsEntry("modifiers", List.of("HO", "59", "95"));
    }

    @Test
    void findsEveryVariableTheShippedTableReads() {
        TableReads shipped = TableReads.of(org.camunda.bpm.model.dmn.Dmn.readModelFromStream(getClass()
                .getClassLoader().getResourceAsStream(RootCauseClassifier.RESOURCE)));
        Map<String, Object> all = new HashMap<>();
        for (String name : List.of("primaryCarc", "primaryGroup", "claimStatus", "filingIndicator", "carcs", "rarcs",
                "procedures", "modifiers", "placeOfService", "payerId", "refiningRemark", "remarkAdvice")) {
            all.put(name, List.of("29"));
        }

        assertThat(shipped.keyOf(all)).containsKeys("primaryCarc", "primaryGroup", "claimStatus", "filingIndicator",
                "carcs", "rarcs", "procedures", "modifiers", "placeOfService", "refiningRemark", "remarkAdvice")
                .doesNotContainKey("payerId").containsEntry("carcs", List.of("29"))
                .containsEntry("procedures", List.of());
    }
}
