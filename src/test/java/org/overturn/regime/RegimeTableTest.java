package org.overturn.regime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.payer.PayerAppealTerms;
import org.overturn.payer.PlanFunding;
import org.overturn.regime.internal.RegimeCsv;
import org.springframework.core.io.ClassPathResource;

/** The shipped regime table, how a table is checked, and the default regime of a claim. */
class RegimeTableTest {

    static String shippedCsv() throws Exception {
        return new ClassPathResource(AppealRegimes.SHIPPED).getContentAsString(StandardCharsets.UTF_8);
    }

    static RegimeTable shipped() throws Exception {
        try (var in = new InputStreamReader(new ClassPathResource(AppealRegimes.SHIPPED).getInputStream(),
                StandardCharsets.UTF_8)) {
            return new RegimeTable(RegimeCsv.read(in), "shipped", null, null);
        }
    }

    @Test
    void shipsALadderForEveryRegimeWithASourceAndTheYearItWasReadOnEveryRow() throws Exception {
        RegimeTable table = shipped();
        for (AppealRegime regime : AppealRegime.values()) {
            assertThat(table.ladder(regime)).as(regime.name()).isNotEmpty()
                    .allSatisfy(level -> {
                        assertThat(level.source()).isNotBlank();
                        assertThat(level.checked()).isGreaterThanOrEqualTo(2026);
                    });
        }
        assertThat(table.ladder(AppealRegime.MEDICARE_AB)).extracting(RegimeLevel::levelName).containsExactly(
                "Redetermination", "Reconsideration", "ALJ hearing", "Medicare Appeals Council review",
                "Federal district court");
        assertThat(table.ladder(AppealRegime.MEDICARE_ADVANTAGE)).extracting(RegimeLevel::recipient).containsExactly(
                RecipientKind.PAYER, RecipientKind.IRE, RecipientKind.OMHA, RecipientKind.COUNCIL, RecipientKind.COURT);
        assertThat(table.ladder(AppealRegime.MEDICAID_MANAGED_CARE)).extracting(RegimeLevel::recipient)
                .containsExactly(RecipientKind.PAYER, RecipientKind.STATE_FAIR_HEARING);
        assertThat(table.ladder(AppealRegime.ERISA)).extracting(RegimeLevel::recipient)
                .containsExactly(RecipientKind.PAYER, RecipientKind.IRO);
    }

    @Test
    void carriesTheCalendarYear2026AmountsInControversyWithTheirNotice() throws Exception {
        RegimeTable table = shipped();
        RegimeLevel alj = table.level(AppealRegime.MEDICARE_AB, 3).orElseThrow();
        RegimeLevel court = table.level(AppealRegime.MEDICARE_AB, 5).orElseThrow();
        assertThat(alj.aicFloor()).isEqualByComparingTo("200.00");
        assertThat(alj.aicYear()).isEqualTo(2026);
        assertThat(court.aicFloor()).isEqualByComparingTo("1960.00");
        assertThat(alj.source()).contains("2025-21879");
        assertThat(alj.admits(new BigDecimal("199.99"))).isFalse();
        assertThat(alj.admits(new BigDecimal("200.00"))).isTrue();
        assertThat(table.level(AppealRegime.MEDICARE_AB, 1).orElseThrow().admits(BigDecimal.ONE)).isTrue();
    }

    @Test
    void countsAWindowFromThePresumedReceiptOfTheNotice() throws Exception {
        RegimeTable table = shipped();
        LocalDate notice = LocalDate.of(2026, 3, 2);
        assertThat(table.level(AppealRegime.MEDICARE_AB, 1).orElseThrow().ruleDueOn(notice))
                .isEqualTo(notice.plusDays(5 + 120));
        assertThat(table.level(AppealRegime.MEDICARE_AB, 2).orElseThrow().ruleDueOn(notice))
                .isEqualTo(notice.plusDays(5 + 180));
        assertThat(table.level(AppealRegime.ERISA, 2).orElseThrow().ruleDueOn(notice))
                .isEqualTo(LocalDate.of(2026, 7, 2));
        RegimeLevel ire = table.level(AppealRegime.MEDICARE_ADVANTAGE, 2).orElseThrow();
        assertThat(ire.window()).isEqualTo(RegimeLevel.Window.NONE);
        assertThat(ire.ruleDueOn(notice)).as("auto-forwarded: nothing to file").isNull();
        assertThat(table.level(AppealRegime.MEDICAID_FFS, 1).orElseThrow().window())
                .isEqualTo(RegimeLevel.Window.PAYER);
        assertThat(table.level(AppealRegime.MEDICAID_FFS, 2).orElseThrow().decisionTime())
                .isEqualTo(Period.ofDays(90));
    }

    @Test
    void refusesATableWhoseLevelsSkipOne() throws Exception {
        List<String> lines = Arrays.stream(shippedCsv().split("\n"))
                .filter(l -> !l.startsWith("MEDICARE_AB,2,")).toList();
        assertThatThrownBy(() -> RegimeCsv.read(new StringReader(String.join("\n", lines))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MEDICARE_AB level 3 follows level 1");
    }

    @Test
    void refusesATableWithoutARegimeAWindowThatIsNoPeriodOrAFloorWithoutItsYear() throws Exception {
        String csv = shippedCsv();
        String withoutProviderDispute = String.join("\n", Arrays.stream(csv.split("\n"))
                .filter(l -> !l.startsWith("PROVIDER_DISPUTE,")).toList());
        assertThatThrownBy(() -> RegimeCsv.read(new StringReader(withoutProviderDispute)))
                .hasMessageContaining("no level for PROVIDER_DISPUTE");
        assertThatThrownBy(() -> RegimeCsv.read(new StringReader(csv.replace(",P120D,", ",120 days,"))))
                .hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> RegimeCsv.read(new StringReader(csv.replace("200.00,2026,", "200.00,,"))))
                .hasMessageContaining("needs its year");
        assertThatThrownBy(() -> RegimeCsv.read(new StringReader(csv.replace("regime,level,", "regime,lvl,"))))
                .hasMessageStartingWith("line 1: the columns must be");
    }

    @Test
    void takesTheDefaultRegimeFromClp06AndThePayerDirectory() {
        PayerAppealTerms none = PayerAppealTerms.NONE;
        assertThat(AppealRegime.of("MB", none)).isEqualTo(AppealRegime.MEDICARE_AB);
        assertThat(AppealRegime.of("MA", none)).isEqualTo(AppealRegime.MEDICARE_AB);
        assertThat(AppealRegime.of("16", none)).isEqualTo(AppealRegime.MEDICARE_ADVANTAGE);
        assertThat(AppealRegime.of("MC", none)).isEqualTo(AppealRegime.MEDICAID_FFS);
        assertThat(AppealRegime.of("MC", new PayerAppealTerms(null, true, null)))
                .isEqualTo(AppealRegime.MEDICAID_MANAGED_CARE);
        for (String commercial : List.of("12", "13", "14", "15", "HM")) {
            assertThat(AppealRegime.of(commercial, none)).isEqualTo(AppealRegime.ERISA);
            assertThat(AppealRegime.of(commercial, new PayerAppealTerms(PlanFunding.EMPLOYER_GROUP, false, null)))
                    .isEqualTo(AppealRegime.ERISA);
            for (PlanFunding notErisa : List.of(PlanFunding.INDIVIDUAL_MARKET, PlanFunding.GOVERNMENT,
                    PlanFunding.CHURCH)) {
                assertThat(AppealRegime.of(commercial, new PayerAppealTerms(notErisa, false, null)))
                        .isEqualTo(AppealRegime.COMMERCIAL_STATE);
            }
        }
        for (String other : Arrays.asList("CI", "BL", "CH", "VA", "WC", "ZZ", null)) {
            assertThat(AppealRegime.of(other, none)).as(String.valueOf(other)).isEqualTo(AppealRegime.UNKNOWN);
        }
    }
}
