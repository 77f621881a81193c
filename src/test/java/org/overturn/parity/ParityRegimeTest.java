package org.overturn.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.parity.ParityFacts.Answer;
import org.overturn.parity.ParityFacts.Funding;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PlanFunding;
import org.overturn.payer.PlanType;

/** The parity regime of a plan, from the payer directory and the parity facts, and what the data says of each. */
class ParityRegimeTest {

    static ParityFacts facts(Funding funding, Answer smallEmployer, Answer optOut) {
        return new ParityFacts("P", Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, funding, "PA", smallEmployer,
                optOut, Answer.UNKNOWN, Answer.UNKNOWN, null, null, null, null, List.of());
    }

    static PayerAppealTerms terms(PlanFunding market, boolean managedCare) {
        return new PayerAppealTerms(market, managedCare, null);
    }

    static Stream<Arguments> plans() {
        var unknown = facts(Funding.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN);
        return Stream.of(
                Arguments.of("Medicare Part B", PlanType.MEDICARE, terms(null, false), unknown, ParityRegime.MEDICARE),
                Arguments.of("Medicare Advantage", PlanType.MEDICARE_ADVANTAGE, terms(null, false), unknown,
                        ParityRegime.MEDICARE),
                Arguments.of("Medicaid fee-for-service", PlanType.MEDICAID, terms(null, false), unknown,
                        ParityRegime.MEDICAID_FFS),
                Arguments.of("Medicaid managed care", PlanType.MEDICAID, terms(null, true), unknown,
                        ParityRegime.MEDICAID_MANAGED_CARE),
                Arguments.of("employer plan, self-funded", PlanType.COMMERCIAL, terms(PlanFunding.EMPLOYER_GROUP, false),
                        facts(Funding.SELF_FUNDED_ERISA, Answer.NO, Answer.UNKNOWN), ParityRegime.ERISA_SELF_FUNDED),
                Arguments.of("self-funded ERISA on the parity facts alone", PlanType.COMMERCIAL, terms(null, false),
                        facts(Funding.SELF_FUNDED_ERISA, Answer.UNKNOWN, Answer.UNKNOWN),
                        ParityRegime.ERISA_SELF_FUNDED),
                Arguments.of("employer plan, fully insured", PlanType.COMMERCIAL,
                        terms(PlanFunding.EMPLOYER_GROUP, false), facts(Funding.FULLY_INSURED, Answer.UNKNOWN,
                                Answer.UNKNOWN), ParityRegime.ERISA_FULLY_INSURED),
                Arguments.of("insured small group owes parity through the EHB", PlanType.COMMERCIAL,
                        terms(PlanFunding.EMPLOYER_GROUP, false), facts(Funding.FULLY_INSURED, Answer.YES,
                                Answer.UNKNOWN), ParityRegime.ERISA_FULLY_INSURED),
                Arguments.of("self-funded small employer", PlanType.COMMERCIAL, terms(PlanFunding.EMPLOYER_GROUP, false),
                        facts(Funding.SELF_FUNDED_ERISA, Answer.YES, Answer.UNKNOWN),
                        ParityRegime.SMALL_EMPLOYER_EXEMPT),
                Arguments.of("individual market", PlanType.COMMERCIAL, terms(PlanFunding.INDIVIDUAL_MARKET, false),
                        unknown, ParityRegime.INDIVIDUAL_MARKET),
                Arguments.of("county employees' plan", PlanType.COMMERCIAL, terms(PlanFunding.GOVERNMENT, false),
                        facts(Funding.GOVERNMENT, Answer.UNKNOWN, Answer.NO), ParityRegime.NON_FEDERAL_GOVERNMENTAL),
                Arguments.of("government plan on the parity facts alone", PlanType.COMMERCIAL, terms(null, false),
                        facts(Funding.GOVERNMENT, Answer.UNKNOWN, Answer.UNKNOWN),
                        ParityRegime.NON_FEDERAL_GOVERNMENTAL),
                Arguments.of("government plan with a running opt-out", PlanType.COMMERCIAL,
                        terms(PlanFunding.GOVERNMENT, false), facts(Funding.GOVERNMENT, Answer.UNKNOWN, Answer.YES),
                        ParityRegime.GOVERNMENT_OPTED_OUT),
                Arguments.of("insured government plan never could opt out", PlanType.COMMERCIAL,
                        terms(PlanFunding.GOVERNMENT, false), facts(Funding.FULLY_INSURED, Answer.UNKNOWN, Answer.YES),
                        ParityRegime.NON_FEDERAL_GOVERNMENTAL),
                Arguments.of("church plan", PlanType.COMMERCIAL, terms(PlanFunding.CHURCH, false), unknown,
                        ParityRegime.CHURCH_PLAN),
                Arguments.of("commercial, nothing on file: ask", PlanType.COMMERCIAL, terms(null, false), unknown,
                        ParityRegime.UNKNOWN),
                Arguments.of("insured, market unknown: ask", PlanType.COMMERCIAL, terms(null, false),
                        facts(Funding.FULLY_INSURED, Answer.UNKNOWN, Answer.UNKNOWN), ParityRegime.UNKNOWN),
                Arguments.of("employer plan, funding unknown: ask", PlanType.COMMERCIAL,
                        terms(PlanFunding.EMPLOYER_GROUP, false), unknown, ParityRegime.UNKNOWN),
                Arguments.of("TRICARE", PlanType.TRICARE, terms(null, false), unknown, ParityRegime.TRICARE),
                Arguments.of("plan type unknown", PlanType.OTHER, terms(null, false), unknown, ParityRegime.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void tellsTheRegimeFromThePlan(String name, PlanType type, PayerAppealTerms terms, ParityFacts facts,
                                   ParityRegime expected) {
        assertThat(ParityRegime.of(type, terms, facts)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(ParityRegime.class)
    void everyRegimeHasItsRuleWithASource(ParityRegime regime) {
        var rule = ParityLaw.shipped().rule(regime);

        assertThat(rule.reason()).isNotBlank();
        if (regime != ParityRegime.UNKNOWN) {
            assertThat(rule.source()).startsWith("https://");
        }
        if (rule.applicable()) {
            assertThat(rule.law()).isNotBlank();
            assertThat(rule.citations()).isNotEmpty();
            assertThat(rule.regulators()).as("who takes a complaint").isNotEmpty();
            assertThat(rule.family()).isIn("COMMERCIAL", "MEDICAID");
        } else {
            assertThat(rule.regulators()).as("no complaint where parity does not apply").isEmpty();
        }
    }

    @Test
    void parityAppliesExactlyWhereTheLawSaysItDoes() {
        assertThat(Stream.of(ParityRegime.values()).filter(r -> ParityLaw.shipped().rule(r).applicable()))
                .containsExactlyInAnyOrder(ParityRegime.MEDICAID_MANAGED_CARE, ParityRegime.ERISA_SELF_FUNDED,
                        ParityRegime.ERISA_FULLY_INSURED, ParityRegime.INDIVIDUAL_MARKET,
                        ParityRegime.NON_FEDERAL_GOVERNMENTAL, ParityRegime.CHURCH_PLAN);
        assertThat(ParityLaw.shipped().rule(ParityRegime.MEDICAID_FFS).reason()).contains("subpart K");
        assertThat(ParityLaw.shipped().rule(ParityRegime.UNKNOWN).applies()).isEqualTo("ASK");
    }

    @Test
    void citationsCarryTheirSourceAndThe2024RuleIsMarkedNotEnforced() {
        var law = ParityLaw.shipped();

        assertThat(law.citations()).allSatisfy(c -> {
            assertThat(c.url()).startsWith("https://");
            assertThat(c.year()).isBetween(2013, 2026);
        });
        assertThat(law.citation("CFR_2590_712_1").enforcement()).isEqualTo(ParityLaw.Enforcement.NOT_ENFORCED);
        assertThat(law.citation("CFR_2590_712_2024").enforcement()).isEqualTo(ParityLaw.Enforcement.NOT_ENFORCED);
        assertThat(law.citation("ERISA_712_A8").enforcement()).isEqualTo(ParityLaw.Enforcement.IN_FORCE);
        assertThat(law.citation("ERISA_712_A8").citation()).isEqualTo("29 U.S.C. 1185a(a)(8)");
        // no regime rests a letter on a provision under non-enforcement
        assertThat(Stream.of(ParityRegime.values()).flatMap(r -> law.rule(r).citations().stream()))
                .allSatisfy(c -> assertThat(c.enforcement()).isEqualTo(ParityLaw.Enforcement.IN_FORCE));
        // what a letter names as left aside is exactly what is under non-enforcement
        assertThat(Stream.of(ParityRegime.values()).flatMap(r -> law.rule(r).notRelied().stream()))
                .isNotEmpty().allSatisfy(c -> assertThat(c.enforcement())
                        .isEqualTo(ParityLaw.Enforcement.NOT_ENFORCED));
        assertThat(law.rule(ParityRegime.ERISA_SELF_FUNDED).notRelied()).extracting(ParityLaw.Citation::id)
                .contains("CFR_2590_712_1");
    }

    @Test
    void complaintsGoToTheRegulatorsOfTheRegime() {
        var facts = facts(Funding.FULLY_INSURED, Answer.UNKNOWN, Answer.UNKNOWN);

        assertThat(Regulators.forRegime(ParityRegime.ERISA_SELF_FUNDED, facts).orElseThrow().name())
                .isEqualTo(Regulators.EBSA.name());
        assertThat(Regulators.forRegime(ParityRegime.ERISA_FULLY_INSURED, facts).orElseThrow().name())
                .contains("Employee Benefits Security Administration", "Department of Insurance of PA");
        assertThat(Regulators.forRegime(ParityRegime.INDIVIDUAL_MARKET, facts).orElseThrow().name())
                .contains("Department of Insurance of PA", "Center for Consumer Information");
        assertThat(Regulators.forRegime(ParityRegime.NON_FEDERAL_GOVERNMENTAL, facts).orElseThrow().name())
                .isEqualTo(Regulators.CMS_CCIIO.name());
        assertThat(Regulators.forRegime(ParityRegime.MEDICAID_MANAGED_CARE, facts).orElseThrow().name())
                .contains("Medicaid agency of PA", "Center for Medicaid and CHIP Services");
        assertThat(Regulators.forRegime(ParityRegime.CHURCH_PLAN, facts).orElseThrow().name())
                .contains("Internal Revenue Service");
        assertThat(Regulators.forRegime(ParityRegime.MEDICARE, facts)).isEmpty();
        assertThat(Regulators.forRegime(ParityRegime.MEDICAID_FFS, facts)).isEmpty();
        assertThat(Regulators.forRegime(ParityRegime.SMALL_EMPLOYER_EXEMPT, facts)).isEmpty();
    }
}
