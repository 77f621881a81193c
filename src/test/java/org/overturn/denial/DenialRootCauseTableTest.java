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
                .containsExactly("rootCause", "queue", "correctable", "appealable", "explanation");
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
