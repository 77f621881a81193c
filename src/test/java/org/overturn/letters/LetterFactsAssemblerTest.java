package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** How the facts a letter prints are worded: paragraphs, appeal levels, money and ZIP codes. */
class LetterFactsAssemblerTest {

    @Test
    void theBillersArgumentIsSplitIntoParagraphsAtBlankLines() {
        assertThat(LetterFactsAssembler.paragraphs("First point.\r\n\r\n  Second point\nstill second.\n \n"))
                .containsExactly("First point.", "Second point\nstill second.");
        assertThat(LetterFactsAssembler.paragraphs("   ")).isEmpty();
        assertThat(LetterFactsAssembler.paragraphs(null)).isEmpty();
    }

    @Test
    void levelsAmountsAndZipCodesReadAsOnPaper() {
        assertThat(LetterFactsAssembler.levelName(1)).isEqualTo("First-level appeal");
        assertThat(LetterFactsAssembler.levelName(3)).isEqualTo("Third-level appeal (external review)");
        assertThat(LetterFactsAssembler.money(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
        assertThat(LetterFactsAssembler.money(null)).isEqualTo("$0.00");
        assertThat(LetterFactsAssembler.zip("171057700")).isEqualTo("17105-7700");
        assertThat(LetterFactsAssembler.zip("02108")).isEqualTo("02108");
        assertThat(LetterFactsAssembler.zip("02108-1234")).isEqualTo("02108-1234");
    }

    @Test
    void programDaysBilledAlikeAreOneRowWithTheirSpanOtherLinesStayAsTheyAre() {
        var day = (java.util.function.IntFunction<LetterFacts.Line>) d -> new LetterFacts.Line(
                "03/%02d/2026".formatted(d), "H0035", null, "1", "$400.00", "$0.00", "CO-50 $400.00");
        var evaluation = new LetterFacts.Line("02/27/2026", "90791", null, "1", "$250.00", "$250.00", null);
        var twice = new LetterFacts.Line("03/09/2026", "90853", null, "1", "$60.00", "$0.00", "CO-97 $60.00");

        var rows = LetterFactsAssembler.sameServiceOnce(java.util.List.of(evaluation, day.apply(3), day.apply(2),
                day.apply(5), twice, day.apply(4), twice));

        assertThat(rows).containsExactly(evaluation,
                new LetterFacts.Line("03/02/2026 to 03/05/2026 (4 lines)", "H0035", null, "1", "$400.00 each",
                        "$0.00 each", "CO-50 $400.00 each"), twice, twice);
    }

    @Test
    void medicareAndMedicareAdvantageAreToldByTheFilingIndicatorTheDirectoryOrTheDenialAndGetNoParityLaw() {
        java.util.List<String> none = java.util.List.of();
        var bMedicare = LetterFactsAssembler.appeal("MB", null, null, none, none, null, null);
        var advantage = LetterFactsAssembler.appeal("16", null, null, none, none, null, null);
        var directory = LetterFactsAssembler.appeal("12", org.overturn.payer.PlanType.MEDICARE_ADVANTAGE, null, none,
                none, null, null);
        var scheduled = LetterFactsAssembler.appeal("ZZ", null, "MEDICARE", none, none, null, null);
        var tricare = LetterFactsAssembler.appeal("CH", null, null, none, none, null, null);
        var commercial = LetterFactsAssembler.appeal("HM", org.overturn.payer.PlanType.COMMERCIAL, "COMMERCIAL", none,
                none, null, null);
        var medicaid = LetterFactsAssembler.appeal("MC", null, null, none, none, null, null);
        var unknown = LetterFactsAssembler.appeal(null, null, null, none, none, null, null);

        assertThat(java.util.List.of(bMedicare, advantage, directory, scheduled)).allSatisfy(a -> {
            assertThat(a.medicare()).isTrue();
            assertThat(a.parityLawApplies()).isFalse();
        });
        assertThat(bMedicare.planLabel()).isEqualTo("Medicare");
        assertThat(advantage.planLabel()).isEqualTo("Medicare Advantage");
        assertThat(directory.planLabel()).isEqualTo("Medicare Advantage");
        assertThat(tricare.medicare()).isFalse();
        assertThat(tricare.parityLawApplies()).isFalse();
        assertThat(java.util.List.of(commercial, medicaid, unknown)).allSatisfy(a -> {
            assertThat(a.medicare()).isFalse();
            assertThat(a.parityLawApplies()).isTrue();
        });
        assertThat(commercial.planLabel()).isEqualTo("Commercial");
        assertThat(unknown.planLabel()).isNull();
    }

    @Test
    void theServicesBilledDecideWhichRuleALetterArgues() {
        var timed = LetterFactsAssembler.appeal("12", null, null, java.util.List.of("90834"), java.util.List.of(),
                null, null);
        var addOn = LetterFactsAssembler.appeal("12", null, null, java.util.List.of("99214", "90833"),
                java.util.List.of("25"), null, null);
        var perDiemByRevenueCode = LetterFactsAssembler.appeal("12", null, null, java.util.Arrays.asList(null, "0913"),
                java.util.List.of(), null, null);
        var telehealth = LetterFactsAssembler.appeal("12", null, null, java.util.List.of("90837"),
                java.util.List.of("GT", "95", "95"), "10", null);
        var inPerson = LetterFactsAssembler.appeal("12", null, null, java.util.List.of("90791"), java.util.List.of(),
                "11", null);

        assertThat(timed.timedPsychotherapy()).isTrue();
        assertThat(timed.psychotherapyAddOn()).isFalse();
        assertThat(addOn.psychotherapyAddOn()).isTrue();
        assertThat(perDiemByRevenueCode.perDiem()).isTrue();
        // the shared code set: residential days are paid by the day too, ambulatory detoxification is not
        assertThat(LetterFactsAssembler.appeal("12", null, null, java.util.List.of("H0019"), java.util.List.of(),
                null, null).perDiem()).isTrue();
        assertThat(LetterFactsAssembler.appeal("12", null, null, java.util.List.of("H0014"), java.util.List.of(),
                null, null).perDiem()).isFalse();
        assertThat(telehealth.telehealth()).isEqualTo("modifier 95; modifier GT; place of service 10");
        assertThat(inPerson.telehealth()).isNull();
        assertThat(inPerson.timedPsychotherapy() || inPerson.perDiem() || inPerson.psychotherapyAddOn()).isFalse();
    }

    @Test
    void theClinicalCaseIsReadByFieldNameAndIsAbsentWhenNothingWasEntered() {
        var values = new java.util.HashMap<String, Object>();
        assertThat(MedicalNecessity.of(values::get)).isNull();
        values.put(MedicalNecessity.Fields.SYMPTOMS, "  ");
        values.put(MedicalNecessity.Fields.CRITERIA, "not a criteria set");
        assertThat(MedicalNecessity.of(values::get)).isNull();

        values.put(MedicalNecessity.Fields.CRITERIA, "calocus");
        values.put(MedicalNecessity.Fields.RISK, " Self-harm last week ");
        values.put(MedicalNecessity.Fields.PEER_TO_PEER_OFFERED, Boolean.TRUE);
        assertThat(MedicalNecessity.of(values::get)).isEqualTo(new MedicalNecessity(MedicalNecessity.Criteria.CALOCUS,
                null, null, "Self-harm last week", null, true));
        values.put(MedicalNecessity.Fields.PEER_TO_PEER_OFFERED, "false");
        assertThat(MedicalNecessity.of(values::get).peerToPeerOffered()).isFalse();
    }
}
