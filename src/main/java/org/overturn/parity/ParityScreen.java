package org.overturn.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.overturn.denial.DenialView;
import org.overturn.denial.Denials;
import org.overturn.remittance.ClaimRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the {@value #DECISION_KEY} decision table ({@value #RESOURCE}) on an appealable denial: its plan type,
 * root cause, level of care, CARCs and RARCs, and its payer's parity facts. The result is stored once per denial
 * (a later appeal level reads it back) and shown on the denial's page.
 */
@Service
public class ParityScreen {

    public static final String DECISION_KEY = "parity-screen";
    public static final String RESOURCE = "bpmn/parity-screen.dmn";

    private final Denials denials;
    private final ClaimRecords claims;
    private final PayerParityFacts payerFacts;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DmnEngine engine;
    private final DmnDecision decision;

    ParityScreen(Denials denials, ClaimRecords claims, PayerParityFacts payerFacts, JdbcTemplate jdbc, Clock clock) {
        this.denials = denials;
        this.claims = claims;
        this.payerFacts = payerFacts;
        this.jdbc = jdbc;
        this.clock = clock;
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.enableFeelLegacyBehavior(true);
        this.engine = configuration.buildEngine();
        try (InputStream in = ParityScreen.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("decision table missing from the classpath: " + RESOURCE);
            }
            this.decision = engine.parseDecision(DECISION_KEY, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The facts the table decides on, named as its inputs. */
    public record Inputs(String planType, String rootCause, LevelOfCare levelOfCare, List<String> carcs,
                         List<String> rarcs, ParityFacts payer) {
    }

    /** Evaluates the table on the facts alone (no database): what the tests of the table use. */
    public Decision decide(Inputs inputs) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("planType", inputs.planType() == null ? "OTHER" : inputs.planType());
        variables.put("rootCause", inputs.rootCause());
        variables.put("levelOfCare", inputs.levelOfCare().name());
        variables.put("carcs", inputs.carcs());
        variables.put("rarcs", inputs.rarcs());
        variables.put("paForMedicalOutpatient", inputs.payer().paForMedicalOutpatient().name());
        variables.put("concurrentReviewForMedical", inputs.payer().concurrentReviewForMedical().name());
        variables.put("visitLimitsForMedical", inputs.payer().visitLimitsForMedical().name());
        DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, variables).getSingleResult();
        if (result == null) {
            throw new IllegalStateException(DECISION_KEY + " matched no rule; its default rule is missing");
        }
        return new Decision(result.getEntry("regime"), result.getEntry("limitation"),
                ScreenResult.Risk.valueOf(result.getEntry("risk")), result.getEntry("reason"));
    }

    public record Decision(String regime, String limitation, ScreenResult.Risk risk, String reason) {
    }

    /** Screens the denial once; a denial screened before keeps its first result. */
    @Transactional
    public ScreenResult screen(long denialId) {
        Optional<ScreenResult> earlier = resultOf(denialId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DenialView denial = denials.find(denialId).orElseThrow(() -> new IllegalArgumentException("No denial " + denialId));
        ClaimRecords.ClaimRecord claim = claims.find(denial.claimPaymentId()).orElseThrow();
        List<String> codes = new ArrayList<>();
        List<String> carcs = new ArrayList<>();
        List<String> rarcs = new ArrayList<>(claim.remarks());
        claim.adjustments().forEach(a -> carcs.add(a.reason()));
        for (var line : claim.lines()) {
            codes.add(line.procedure());
            codes.add(line.revenueCode());
            line.adjustments().forEach(a -> carcs.add(a.reason()));
            rarcs.addAll(line.remarks());
        }
        LevelOfCare level = LevelOfCare.of(codes);
        Decision decision = decide(new Inputs(denial.planType(), denial.rootCause().name(), level, carcs, rarcs,
                payerFacts.of(denial.payerId())));
        Instant now = clock.instant();
        jdbc.update("""
                insert into parity_screen (denial_id, regime, limitation, risk, reason, plan_type, level_of_care,
                                           screened_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (denial_id) do nothing
                """, denialId, decision.regime(), decision.limitation(), decision.risk().name(), decision.reason(),
                denial.planType(), level.name(), Timestamp.from(now));
        return resultOf(denialId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<ScreenResult> resultOf(long denialId) {
        return jdbc.query("select * from parity_screen where denial_id = ?", (rs, i) -> new ScreenResult(
                rs.getLong("denial_id"), rs.getString("regime"), rs.getString("limitation"),
                ScreenResult.Risk.valueOf(rs.getString("risk")), rs.getString("reason"), rs.getString("plan_type"),
                LevelOfCare.valueOf(rs.getString("level_of_care")), rs.getTimestamp("screened_at").toInstant()),
                denialId).stream().findFirst();
    }
}
