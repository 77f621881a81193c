package org.overturn.payer;

import java.util.EnumMap;
import java.util.Map;

/**
 * A payer as someone typed it (a form, a JSON body, a spreadsheet row): every value still text, so that "abc" in a
 * day count comes back as a message on that field rather than as an unreadable request. JSON numbers bind too.
 */
record PayerDraft(String id, String name, String planType, String appealEmail, String appealLimitDays,
                  String secondLevelAppealLimitDays, String thirdLevelAppealLimitDays, String timelyFilingDays,
                  String correctedClaimRules, String addressLine1, String addressLine2, String city, String state,
                  String postalCode, String phone, String claimStatusDays) {

    /** A draft without the days to wait for an answer before a claim status request (the default applies). */
    PayerDraft(String id, String name, String planType, String appealEmail, String appealLimitDays,
               String secondLevelAppealLimitDays, String thirdLevelAppealLimitDays, String timelyFilingDays,
               String correctedClaimRules, String addressLine1, String addressLine2, String city, String state,
               String postalCode, String phone) {
        this(id, name, planType, appealEmail, appealLimitDays, secondLevelAppealLimitDays, thirdLevelAppealLimitDays,
                timelyFilingDays, correctedClaimRules, addressLine1, addressLine2, city, state, postalCode, phone, null);
    }

    static PayerDraft of(Map<PayerField, String> values) {
        return new PayerDraft(values.get(PayerField.ID), values.get(PayerField.NAME), values.get(PayerField.PLAN_TYPE),
                values.get(PayerField.APPEAL_EMAIL), values.get(PayerField.APPEAL_LIMIT_DAYS),
                values.get(PayerField.SECOND_LEVEL_APPEAL_LIMIT_DAYS),
                values.get(PayerField.THIRD_LEVEL_APPEAL_LIMIT_DAYS), values.get(PayerField.TIMELY_FILING_DAYS),
                values.get(PayerField.CORRECTED_CLAIM_RULES), values.get(PayerField.ADDRESS_LINE1),
                values.get(PayerField.ADDRESS_LINE2), values.get(PayerField.CITY), values.get(PayerField.STATE),
                values.get(PayerField.POSTAL_CODE), values.get(PayerField.PHONE),
                values.get(PayerField.CLAIM_STATUS_DAYS));
    }

    static PayerDraft of(PayerProfile profile) {
        Map<PayerField, String> values = new EnumMap<>(PayerField.class);
        for (PayerField field : PayerField.values()) {
            Object value = field.valueIn(profile);
            values.put(field, value == null ? null : value.toString());
        }
        return of(values);
    }

    PayerDraft withId(String newId) {
        return new PayerDraft(newId, name, planType, appealEmail, appealLimitDays, secondLevelAppealLimitDays,
                thirdLevelAppealLimitDays, timelyFilingDays, correctedClaimRules, addressLine1, addressLine2, city,
                state, postalCode, phone, claimStatusDays);
    }
}
