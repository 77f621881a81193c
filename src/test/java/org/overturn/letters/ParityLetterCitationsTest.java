package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.overturn.parity.ParityLetters;
import org.overturn.parity.ParityRegime;

/**
 * The parity letters under each regime that parity binds, rendered to PDF and read back: the citations the regime's
 * data names (and only in-force ones), the 2024 rule left aside by name, and the wording of the practice's standing.
 */
class ParityLetterCitationsTest {

    final LetterRenderer renderer = new LetterRenderer(new LetterTemplates(LetterRendererTest.properties(null)));

    static LetterFacts withParity(ParityRegime regime, boolean representative) {
        var law = ParityLetters.lawOf(regime);
        var base = LetterRendererTest.parity();
        var parity = new LetterFacts.Parity(regime.name(), law.name(), base.limitation(), base.limitationLabel(),
                base.risk(), base.reason(), base.levelOfCare(), base.requestSentOn(), base.responseDue(), null,
                "Regulator of the plan", List.of("1 Regulator Way"), "online", base.evidence(), law.citations(),
                law.notRelied(), representative, representative
                        ? "authorization signed by Jane Doe on 2026-03-01 (request and complaint; signed form, scan 17)"
                        : null);
        var f = LetterRendererTest.facts("The plan covers skilled nursing without prior review.", false, true);
        return new LetterFacts(f.date(), f.practice(), f.payer(), f.claim(), f.lines(), f.reasons(), f.rootCause(),
                f.rootCauseLabel(), f.explanation(), f.appealLevel(), f.appealLevelName(), f.argument(),
                f.enclosures(), f.signer(), f.part2(), f.parityConcern(), f.correction(), parity, f.billed(),
                f.appeal());
    }

    String render(String template, ParityRegime regime, boolean representative) throws IOException {
        return LetterRendererTest.text(renderer.render(template, "87726", withParity(regime, representative)).pdf());
    }

    @ParameterizedTest
    @EnumSource(value = ParityRegime.class, names = {"ERISA_SELF_FUNDED", "ERISA_FULLY_INSURED"})
    void erisaLettersCiteTheStatuteAndTheDolRuleAndLeaveThe2024RuleAside(ParityRegime regime) throws IOException {
        for (String template : List.of("parity/analysis-request", "parity/complaint")) {
            String text = render(template, regime, true);

            assertThat(text.replace(" ", "")).contains("https://www.ecfr.gov/current/title-29/section-2590.712");
            assertThat(text).as(template).contains("29 U.S.C. 1185a", "29 U.S.C. 1185a(a)(8)", "29 CFR 2590.712",
                    "does not rely on provisions the Departments announced they will not enforce",
                    "29 CFR 2590.712-1", "May 15, 2025").doesNotContain("438.9", "147.160");
            if (regime == ParityRegime.ERISA_FULLY_INSURED) {
                assertThat(text).contains("45 CFR 146.136", "300gg-26");
            }
        }
    }

    @Test
    void individualMarketLettersCiteThePublicHealthServiceActAnd147160() throws IOException {
        String text = render("parity/analysis-request", ParityRegime.INDIVIDUAL_MARKET, false);

        assertThat(text).contains("PHSA section 2726", "42 U.S.C. 300gg-26(a)(8)", "45 CFR 147.160",
                "45 CFR 146.136", "45 CFR 146.136 (2024 amendments)").doesNotContain("29 CFR 2590.712");
    }

    @Test
    void governmentalPlanLettersCiteThePhsaAndTheOptOutSunset() throws IOException {
        String text = render("parity/complaint", ParityRegime.NON_FEDERAL_GOVERNMENTAL, true);

        assertThat(text).contains("PHSA section 2726", "45 CFR 146.136", "45 CFR 146.180", "December 29, 2022");
    }

    @Test
    void churchPlanLettersCiteTheCode() throws IOException {
        String text = render("parity/complaint", ParityRegime.CHURCH_PLAN, true);

        assertThat(text).contains("26 U.S.C. 9812", "26 CFR 54.9812-1", "26 CFR 54.9812-1 (2024 amendments)")
                .doesNotContain("29 CFR 2590.712");
    }

    @Test
    void medicaidManagedCareLettersCiteSubpartKAndNoPrivatePlanLaw() throws IOException {
        for (String template : List.of("parity/analysis-request", "parity/complaint")) {
            String text = render(template, ParityRegime.MEDICAID_MANAGED_CARE, true);

            assertThat(text.replace(" ", "")).contains("https://www.ecfr.gov/current/title-42/section-438.910");
            assertThat(text).as(template).contains("42 CFR 438.900 ff.", "42 CFR 438.910")
                    .doesNotContain("29 CFR 2590.712 (", "45 CFR 146.136 (", "will not enforce");
        }
    }

    @ParameterizedTest
    @EnumSource(value = ParityRegime.class, names = {"MEDICARE", "TRICARE", "MEDICAID_FFS", "GOVERNMENT_OPTED_OUT",
            "SMALL_EMPLOYER_EXEMPT", "UNKNOWN"})
    void noParityLetterWhereParityDoesNotBindThePlanOrTheRegimeIsUnknown(ParityRegime regime) {
        assertThatThrownBy(() -> ParityLetters.lawOf(regime)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(regime == ParityRegime.UNKNOWN ? "Parity regime unknown" : "No parity letter");
    }

    @Test
    void theStandingChangesTheWordingAndTheAddressee() throws IOException {
        String representative = render("parity/analysis-request", ParityRegime.ERISA_SELF_FUNDED, true);
        String provider = render("parity/analysis-request", ParityRegime.ERISA_SELF_FUNDED, false);
        String complaint = render("parity/complaint", ParityRegime.ERISA_SELF_FUNDED, false);

        assertThat(representative).contains("Attn: Plan Administrator", "Dear Plan Administrator",
                "as our patient's authorized representative", "signed by Jane Doe on 2026-03-01")
                .doesNotContain("in our own name");
        assertThat(provider).contains("Attn: Provider Relations and Appeals", "in our own name",
                "we do not act as the patient's authorized representative").doesNotContain("Jane Doe on");
        assertThat(complaint).contains("in our own name, as the provider of the services");
    }
}
