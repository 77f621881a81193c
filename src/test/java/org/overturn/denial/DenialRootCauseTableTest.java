package org.overturn.denial;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the shape of the decision table itself, so an edit in the Modeler cannot break the contract. */
class DenialRootCauseTableTest {

    private static DmnModelInstance model;
    private static DecisionTable table;

    @BeforeAll
    static void readTable() throws Exception {
        try (InputStream in = DenialRootCauseTableTest.class.getClassLoader()
                .getResourceAsStream(RootCauseClassifier.RESOURCE)) {
            model = Dmn.readModelFromStream(in);
        }
        Decision decision = model.getModelElementById(RootCauseClassifier.DECISION_KEY);
        table = (DecisionTable) decision.getExpression();
    }

    @Test
    void hasTheHistoryTimeToLiveCamundaRequires() {
        Decision decision = model.getModelElementById(RootCauseClassifier.DECISION_KEY);

        assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("P180D");
    }

    @Test
    void picksTheFirstMatchingRule() {
        assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    }

    @Test
    void givesEveryInputAndOutputAReadableLabel() {
        assertThat(table.getInputs()).allSatisfy(i -> assertThat(i.getLabel()).isNotBlank());
        assertThat(table.getOutputs()).extracting(Output::getName)
                .containsExactly("rootCause", "queue", "correctable", "appealable", "explanation", "path");
        assertThat(table.getOutputs()).allSatisfy(o -> assertThat(o.getLabel()).isNotBlank());
    }

    @Test
    void saysWhyForEveryRuleAndNamesItReadably() {
        assertThat(table.getRules()).allSatisfy(rule -> {
            assertThat(rule.getDescription()).as(rule.getId()).isNotNull();
            assertThat(rule.getDescription().getTextContent()).as(rule.getId()).isNotBlank();
            assertThat(rule.getId()).startsWith("Rule_").doesNotContainPattern("_[0-9a-z]{7}$");
        });
    }

    @Test
    void routesEveryRuleToTheQueueOfItsRootCause() {
        assertThat(table.getRules()).allSatisfy(rule -> {
            List<String> outputs = outputs(rule);
            RootCause rootCause = RootCause.valueOf(unquote(outputs.get(0)));
            assertThat(unquote(outputs.get(1))).as(rule.getId()).isEqualTo(rootCause.queue());
        });
    }

    @Test
    void givesEveryRuleAPathItsFlagsAgreeWith() {
        assertThat(table.getRules()).allSatisfy(rule -> {
            List<String> outputs = outputs(rule);
            WorkPath path = WorkPath.valueOf(unquote(outputs.get(5)));
            boolean correctable = Boolean.parseBoolean(outputs.get(2));
            boolean appealable = Boolean.parseBoolean(outputs.get(3));
            RootCause rootCause = RootCause.valueOf(unquote(outputs.get(0)));
            switch (path) {
                case CORRECT -> assertThat(correctable).as(rule.getId()).isTrue();
                case APPEAL, REDUCTION -> assertThat(appealable && !correctable).as(rule.getId()).isTrue();
                case TIMELY_FILING_PROOF -> assertThat(rootCause).as(rule.getId()).isEqualTo(RootCause.TIMELY_FILING);
                case REOPENING, MATCH_ORIGINAL, AWAIT_STATUS, DECIDE_WRITE_OFF ->
                        assertThat(correctable || appealable).as(rule.getId()).isFalse();
            }
        });
    }

    /** Issue 17: no advice the path does not follow (185 advising a rebill it could not make, 39/210/302 ...). */
    @Test
    void givesNoAdviceItsPathDoesNotFollow() {
        assertThat(table.getRules()).allSatisfy(rule -> {
            List<String> outputs = outputs(rule);
            WorkPath path = WorkPath.valueOf(unquote(outputs.get(5)));
            String advice = outputs.get(4).toLowerCase(java.util.Locale.ROOT);
            switch (path) {
                case APPEAL -> {
                    boolean advisesCorrection = advice.contains("rebill") || advice.contains("retro-authorization")
                            || advice.contains("under a supervising");
                    if (advisesCorrection) {
                        assertThat(advice).as(rule.getId() + " advises a correction").contains("back to correction");
                    }
                }
                case DECIDE_WRITE_OFF -> assertThat(advice).as(rule.getId())
                        .doesNotContain("rebill", "appeal", "follow up", "wait", "retro-authorization");
                case AWAIT_STATUS -> assertThat(advice).as(rule.getId()).containsAnyOf("wait", "follow up");
                case REOPENING -> assertThat(advice).as(rule.getId()).contains("no appeal rights", "reopening");
                case MATCH_ORIGINAL -> assertThat(advice).as(rule.getId()).contains("paid original", "without a write-off");
                case REDUCTION -> assertThat(advice).as(rule.getId()).contains("reduction", "parity");
                case CORRECT, TIMELY_FILING_PROOF -> assertThat(advice).as(rule.getId()).isNotBlank();
            }
        });
    }

    @Test
    void givesEveryRemarkRefinementAdviceThatFitsItsRootCause() {
        assertThat(RemarkRefinements.shipped().all()).hasSizeGreaterThan(60).allSatisfy(r -> {
            switch (r.rootCause()) {
                case MEDICAL_NECESSITY -> assertThat(r.advice()).as(r.code()).contains("appeal");
                case ELIGIBILITY, COORDINATION_OF_BENEFITS, CODING -> assertThat(r.advice()).as(r.code())
                        .containsAnyOf("rebill", "bill ", "send", "correct");
                default -> assertThat(r.advice()).as(r.code()).isNotBlank();
            }
        });
    }

    @Test
    void neverAdvisesADistinctServiceModifierForAPsychotherapyAddOn() {
        Rule addOn = table.getRules().stream().filter(r -> r.getId().equals("Rule_EmPsychotherapyAddOnBundled"))
                .findFirst().orElseThrow();

        assertThat(outputs(addOn).get(4)).contains("E/M", "add-on", "documented apart").doesNotContain("59", "XE");
    }

    @Test
    void endsWithADefaultRuleThatMatchesAnything() {
        Rule last = List.copyOf(table.getRules()).get(table.getRules().size() - 1);

        assertThat(last.getInputEntries()).allSatisfy(e -> assertThat(e.getTextContent()).isBlank());
        assertThat(unquote(outputs(last).get(0))).isEqualTo("OTHER");
    }

    private static List<String> outputs(Rule rule) {
        Collection<org.camunda.bpm.model.dmn.instance.OutputEntry> entries = rule.getOutputEntries();
        return entries.stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static String unquote(String feelString) {
        return feelString.replaceAll("^\"|\"$", "");
    }
}
