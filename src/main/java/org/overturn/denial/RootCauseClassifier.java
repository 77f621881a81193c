package org.overturn.denial;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.overturn.remittance.ClaimPayment;

/**
 * Classifies a denial by evaluating the decision table {@value #DECISION_KEY} ({@value #RESOURCE}) on a
 * standalone Camunda DMN engine: no Spring context, no database, so the command line can use it too.
 * <p>
 * The engine runs FEEL in Camunda's JUEL-backed ("legacy") mode: it compiles each rule's unary test once and
 * caches it, where the Scala FEEL engine parses every test again on every evaluation (about 5 ms per claim
 * for a table this size, against tens of microseconds). The table uses only constructs both engines read
 * the same way, so the process engine may deploy it unchanged.
 * <p>
 * The table is a pure function of its inputs and is never redeployed while the application runs, so a result is
 * kept per distinct tuple of what the table reads ({@link TableReads}: not the payer it never names, nor the claim's
 * procedure codes beyond the few it asks about): a file's thousands of denials repeat a few hundred such tuples, and
 * a repeated tuple costs a map lookup instead of a table evaluation. The memo is bounded: it starts afresh when it
 * reaches {@value #REMEMBERED} tuples.
 * <p>
 * Thread-safe: the engine and the parsed decision are shared, each call has its own variables.
 */
public final class RootCauseClassifier {

    public static final String DECISION_KEY = "denial-root-cause";
    public static final String RESOURCE = "bpmn/denial-root-cause.dmn";

    /** Distinct input tuples remembered at most; a few hundred cover a payer's year of denials. */
    static final int REMEMBERED = 10_000;

    private final DmnEngine engine;
    private final DmnDecision decision;
    private final TableReads reads;
    private final Map<Map<String, Object>, Classification> remembered = new ConcurrentHashMap<>();

    private RootCauseClassifier(DmnEngine engine, DmnDecision decision, TableReads reads) {
        this.engine = engine;
        this.decision = decision;
        this.reads = reads;
    }

    /** Builds the engine and parses the table from the classpath; do it once and keep the result. */
    public static RootCauseClassifier fromClasspath() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(true);
        return withEngine(configuration.buildEngine());
    }

    /** The table on a given engine; tests use it to prove the table reads the same on the default engine. */
    static RootCauseClassifier withEngine(DmnEngine engine) {
        InputStream in = RootCauseClassifier.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("decision table missing from the classpath: " + RESOURCE);
        }
        try (in) {
            // read once: the engine parses the decision from the model, and TableReads its expressions
            DmnModelInstance table = Dmn.readModelFromStream(in);
            return new RootCauseClassifier(engine, engine.parseDecision(DECISION_KEY, table), TableReads.of(table));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Classification classify(ClaimPayment claim, DenialAssessment assessment) {
        return classify(ClaimFacts.of(claim, assessment));
    }

    /** Classifies with the claim as billed when it is on file (place of service, modifiers, revenue codes). */
    public Classification classify(ClaimPayment claim, DenialAssessment assessment,
                                   org.overturn.claim.BilledClaim billed) {
        return classify(ClaimFacts.of(claim, assessment).withBilledClaim(billed));
    }

    public Classification classify(ClaimFacts facts) {
        Map<String, Object> variables = variables(facts);
        Map<String, Object> key = reads.keyOf(variables);
        Classification known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Classification evaluated = evaluate(variables);
        if (remembered.size() >= REMEMBERED) {
            remembered.clear();
        }
        // the key is this call's own map, never handed out, so it cannot change after it is stored
        remembered.put(key, evaluated);
        return evaluated;
    }

    /** The table's answer evaluated now, never from memory (tests compare the memo with it). */
    Classification classifyAfresh(ClaimFacts facts) {
        return evaluate(variables(facts));
    }

    /** Input tuples remembered now (tests). */
    int remembered() {
        return remembered.size();
    }

    private Classification evaluate(Map<String, Object> variables) {
        DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, variables).getSingleResult();
        if (result == null) {
            throw new IllegalStateException(DECISION_KEY + " matched no rule; its default rule is missing");
        }
        return new Classification(
                rootCause(result.getEntry("rootCause")),
                result.getEntry("queue"),
                Boolean.TRUE.equals(result.getEntry("correctable")),
                Boolean.TRUE.equals(result.getEntry("appealable")),
                result.getEntry("explanation"),
                path(result.getEntry("path")));
    }

    private static Map<String, Object> variables(ClaimFacts facts) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("primaryCarc", facts.primaryCarc());
        variables.put("primaryGroup", facts.primaryGroup());
        variables.put("carcs", facts.carcs());
        variables.put("rarcs", facts.rarcs());
        variables.put("claimStatus", facts.claimStatus());
        variables.put("filingIndicator", facts.filingIndicator());
        variables.put("procedures", facts.procedures());
        variables.put("modifiers", facts.modifiers());
        variables.put("placeOfService", facts.placeOfService());
        variables.put("payerId", facts.payerId());
        variables.put("hasTelehealthModifier", facts.hasTelehealthModifier());
        variables.put("isPsychotherapyTimeCode", facts.isPsychotherapyTimeCode());
        variables.put("isPerDiemLevelOfCare", facts.isPerDiemLevelOfCare());
        variables.put("isEmByNonPrescriber", facts.isEmByNonPrescriber());
        variables.put("isEmPsychotherapyAddOn", facts.isEmPsychotherapyAddOn());
        variables.put("telehealthPlaceOfService", facts.isTelehealthPlaceOfService());
        variables.put("isLicenseModifierMismatch", facts.isLicenseModifierMismatch());
        variables.put("isSupervisedLicense", facts.isSupervisedLicense());
        var refinement = facts.remarkRefinement();
        variables.put("remarkRootCause", refinement.map(r -> r.rootCause().name()).orElse(null));
        variables.put("refiningRemark", refinement.map(RemarkRefinements.Refinement::code).orElse(null));
        variables.put("remarkAdvice", refinement.map(RemarkRefinements.Refinement::advice).orElse(null));
        return variables;
    }

    private static WorkPath path(String name) {
        try {
            return WorkPath.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(DECISION_KEY + " returned a path outside the vocabulary: " + name, e);
        }
    }

    private static RootCause rootCause(String name) {
        try {
            return RootCause.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(DECISION_KEY + " returned a root cause outside the vocabulary: " + name, e);
        }
    }
}
