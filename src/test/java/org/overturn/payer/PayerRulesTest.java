package org.overturn.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayerRulesTest {

    final PayerRules rules = new PayerRules(new PayerTerms(180, 120, 60, 90, 90, 180),
            new TimelyFilingTerms(90, 365, 90, 90, 365, 90));

    static PayerDraft draft(Map<PayerField, String> changes) {
        Map<PayerField, String> values = new EnumMap<>(PayerField.class);
        values.put(PayerField.ID, "87726");
        values.put(PayerField.NAME, "UNITED HEALTHCARE");
        values.put(PayerField.PLAN_TYPE, "COMMERCIAL");
        values.putAll(changes);
        return PayerDraft.of(values);
    }

    @Test
    void blankLimitsTakeThePlanTypesDefaults() {
        var medicare = rules.check(draft(Map.of(PayerField.PLAN_TYPE, "medicare"))).profile();

        assertThat(medicare.planType()).isEqualTo(PlanType.MEDICARE);
        assertThat(medicare.appealLimitDays()).isEqualTo(120);
        assertThat(medicare.timelyFilingDays()).isEqualTo(365);
        assertThat(medicare.secondLevelAppealLimitDays()).isNull();
        assertThat(medicare.needsReview()).isFalse();
    }

    @Test
    void tidiesWhatWasTyped() {
        var profile = rules.check(draft(Map.of(PayerField.NAME, "  AETNA  ", PayerField.PLAN_TYPE,
                "Medicare advantage", PayerField.STATE, "ny", PayerField.POSTAL_CODE, "021340001",
                PayerField.APPEAL_LIMIT_DAYS, "90.0", PayerField.CITY, " "))).profile();

        assertThat(profile.name()).isEqualTo("AETNA");
        assertThat(profile.planType()).isEqualTo(PlanType.MEDICARE_ADVANTAGE);
        assertThat(profile.state()).isEqualTo("NY");
        assertThat(profile.postalCode()).isEqualTo("02134-0001");
        assertThat(profile.appealLimitDays()).isEqualTo(90);
        assertThat(profile.city()).isNull();
    }

    @Test
    void namesEachWrongFieldInFieldOrder() {
        var checked = rules.check(draft(Map.of(PayerField.NAME, "", PayerField.PLAN_TYPE, "HMO",
                PayerField.APPEAL_EMAIL, "appeals@", PayerField.APPEAL_LIMIT_DAYS, "-5",
                PayerField.SECOND_LEVEL_APPEAL_LIMIT_DAYS, "sixty", PayerField.TIMELY_FILING_DAYS, "90.5",
                PayerField.THIRD_LEVEL_APPEAL_LIMIT_DAYS, "99999", PayerField.STATE, "New York",
                PayerField.POSTAL_CODE, "1234", PayerField.PHONE, "call us")));

        assertThat(checked.profile()).isNull();
        assertThat(checked.errors()).containsExactly(
                Map.entry("name", "required"),
                Map.entry("planType", "not a plan type: one of COMMERCIAL, MEDICARE, MEDICARE_ADVANTAGE, MEDICAID, "
                        + "TRICARE, OTHER"),
                Map.entry("appealEmail", "not an email address"),
                Map.entry("appealLimitDays", "must be a positive number of days"),
                Map.entry("secondLevelAppealLimitDays", "not a number of days"),
                Map.entry("thirdLevelAppealLimitDays", "at most 3650 days"),
                Map.entry("timelyFilingDays", "must be a whole number of days"),
                Map.entry("state", "must be the state's two letters, e.g. NY"),
                Map.entry("postalCode", "not a ZIP code (5 or 9 digits)"),
                Map.entry("phone", "not a phone number (10 digits, e.g. 800-555-0100 x123)"));
    }

    @Test
    void acceptsCommonEmailPhoneAndZipShapes() {
        var checked = rules.check(draft(Map.of(PayerField.APPEAL_EMAIL, "provider.appeals+bh@uhc-appeals.example.com",
                PayerField.PHONE, "(800) 555-0100 ext. 42", PayerField.POSTAL_CODE, "10001-1234",
                PayerField.STATE, "PR")));

        assertThat(checked.errors()).isEmpty();
    }

    @Test
    void refusesStateLettersThatAreNoState() {
        assertThat(rules.check(draft(Map.of(PayerField.STATE, "XX"))).errors())
                .containsExactly(Map.entry("state", "not a US state code"));
    }

    @Test
    void refusesIdsThatCannotTravelInAnAddress() {
        assertThat(rules.check(draft(Map.of(PayerField.ID, "AB/12"))).errors()).containsKey("id");
        assertThat(rules.check(draft(Map.of(PayerField.ID, " "))).errors()).containsEntry("id", "required");
    }
}
