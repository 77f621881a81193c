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
import org.springframework.jdbc.core.RowMapper;
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

    private static final RowMapper<ScreenResult> SCREEN_ROW = (rs, i) -> new ScreenResult(
            rs.getLong("denial_id"), rs.getString("regime"), rs.getString("limitation"),
            ScreenResult.Risk.valueOf(rs.getString("risk")), rs.getString("reason"), rs.getString("plan_type"),
            LevelOfCare.valueOf(rs.getString("level_of_care")), rs.getTimestamp("screened_at").toInstant(),
            ParityRegime.valueOf(rs.getString("plan_regime")), LimitationSignal.valueOf(rs.getString("signal")));

    private final Denials denials;
    private final ClaimRecords claims;
    private final PayerParityFacts payerFacts;
    private final PlanRegimes regimes;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DmnEngine engine;
    private final DmnDecision decision;

    ParityScreen(Denials denials, ClaimRecords claims, PayerParityFacts payerFacts, PlanRegimes regimes,
                 JdbcTemplate jdbc, Clock clock) {
        this.regimes = regimes;
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
                         List<String> rarcs, ParityFacts payer, LimitationSignal signal) {

        /** Without a signal from the claim's codes and the payer's numbers. */
        public Inputs(String planType, String rootCause, LevelOfCare levelOfCare, List<String> carcs,
                      List<String> rarcs, ParityFacts payer) {
            this(planType, rootCause, levelOfCare, carcs, rarcs, payer, LimitationSignal.NONE);
        }
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
        variables.put("signal", inputs.signal().name());
        DmnDecisionRuleResult result = engine.evaluateDecisionTable(decision, variables).getSingleResult();
        if (result == null) {
            throw new IllegalStateException(DECISION_KEY + " matched no rule; its default rule is missing");
        }
        return new Decision(result.getEntry("regime"), result.getEntry("limitation"),
                ScreenResult.Risk.valueOf(result.getEntry("risk")), result.getEntry("reason"));
    }

    public record Decision(String regime, String limitation, ScreenResult.Risk risk, String reason) {
    }

    /**
     * Screens the denial once; a denial screened before keeps its first result, unless its plan's regime was unknown
     * then: once the directory says more, the screen runs again. The regime comes from the plan (payer directory and
     * parity facts, {@link ParityRegime}); where parity does not apply the table is not asked, and where the regime is
     * unknown the result says which fact to fill in rather than guess.
     */
    @Transactional
    public ScreenResult screen(long denialId) {
        Optional<ScreenResult> earlier = resultOf(denialId);
        if (earlier.isPresent() && earlier.get().planRegime() != ParityRegime.UNKNOWN) {
            return earlier.get();
        }
        DenialView denial = denials.find(denialId).orElseThrow(() -> new IllegalArgumentException("No denial " + denialId));
        ClaimRecords.ClaimRecord claim = claims.find(denial.claimPaymentId()).orElseThrow();
        List<String> codes = new ArrayList<>();
        List<String> carcs = new ArrayList<>();
        List<String> rarcs = new ArrayList<>(claim.remarks());
        List<LimitationSignal.Line> lines = new ArrayList<>();
        claim.adjustments().forEach(a -> carcs.add(a.reason()));
        for (var line : claim.lines()) {
            codes.add(line.procedure());
            codes.add(line.revenueCode());
            line.adjustments().forEach(a -> carcs.add(a.reason()));
            rarcs.addAll(line.remarks());
            lines.add(new LimitationSignal.Line(line.modifiers(), line.allowed(), patientShare(line, "3"),
                    patientShare(line, "2")));
        }
        LevelOfCare level = LevelOfCare.of(codes);
        ParityFacts facts = payerFacts.of(denial.payerId());
        ParityRegime regime = regimes.of(denial.planType(), denial.payerId(), facts);
        ParityLaw.RegimeRule rule = ParityLaw.shipped().rule(regime);
        LimitationSignal signal = LimitationSignal.of(new LimitationSignal.Claim(denial.rootCause().name(), level,
                codes, carcs, rarcs, lines), facts);
        Decision decision;
        if ("NONE".equals(rule.family())) {
            decision = new Decision("NONE", "NONE", ScreenResult.Risk.NONE, rule.reason());
        } else {
            decision = decide(new Inputs(rule.family(), denial.rootCause().name(), level, carcs, rarcs, facts, signal));
            if (regime == ParityRegime.UNKNOWN) {
                decision = new Decision(decision.regime(), decision.limitation(), decision.risk(),
                        ASK_FOR_REGIME + " " + decision.reason());
            }
        }
        Instant now = clock.instant();
        // the row as stored comes back with the statement; none when a screen with a known regime was stored
        // meanwhile, which stands
        Optional<ScreenResult> stored = jdbc.query("""
                insert into parity_screen (denial_id, regime, limitation, risk, reason, plan_type, level_of_care,
                                           screened_at, plan_regime, signal)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (denial_id) do update set regime = excluded.regime, limitation = excluded.limitation,
                    risk = excluded.risk, reason = excluded.reason, plan_type = excluded.plan_type,
                    level_of_care = excluded.level_of_care, screened_at = excluded.screened_at,
                    plan_regime = excluded.plan_regime, signal = excluded.signal
                 where parity_screen.plan_regime = 'UNKNOWN'
                returning *
                """, SCREEN_ROW, denialId, decision.regime(), decision.limitation(), decision.risk().name(),
                truncate(decision.reason()), denial.planType(), level.name(), Timestamp.from(now), regime.name(),
                signal.name()).stream().findFirst();
        // a case opened while the regime was unknown takes the regime the directory now tells (nothing to tell while
        // it is still unknown)
        if (regime != ParityRegime.UNKNOWN) {
            jdbc.update("update parity_case set plan_regime = ? where denial_id = ? and plan_regime = 'UNKNOWN'",
                    regime.name(), denialId);
        }
        return stored.or(() -> resultOf(denialId)).orElseThrow();
    }

    /** What the screen asks when the plan's regime is unknown: the fields to fill, never a guess. */
    static final String ASK_FOR_REGIME = "Parity regime unknown: enter in the payer directory whether the plan is an "
            + "employer group, individual market, government or church plan, and in its parity facts whether it is "
            + "self-funded or fully insured; the screen runs again with them.";

    private static java.math.BigDecimal patientShare(ClaimRecords.LineRecord line, String reason) {
        return line.adjustments().stream().filter(a -> "PR".equals(a.group()) && reason.equals(a.reason()))
                .map(ClaimRecords.AdjustmentRecord::amount).reduce(java.math.BigDecimal::add).orElse(null);
    }

    private static String truncate(String reason) {
        return reason.length() <= 600 ? reason : reason.substring(0, 597) + "...";
    }

    @Transactional(readOnly = true)
    public Optional<ScreenResult> resultOf(long denialId) {
        return jdbc.query("select * from parity_screen where denial_id = ?", SCREEN_ROW, denialId).stream().findFirst();
    }
}
