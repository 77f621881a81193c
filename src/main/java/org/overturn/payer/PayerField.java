package org.overturn.payer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields someone may edit, in the order the form, the JSON errors and the workbook's columns show them. The
 * label is also the column header of the export and of the import.
 */
enum PayerField {
    ID("id", "Payer id", 80, false),
    NAME("name", "Name", 60, false),
    PLAN_TYPE("planType", "Plan type", 20, false),
    APPEAL_EMAIL("appealEmail", "Appeal email", 254, false),
    APPEAL_LIMIT_DAYS("appealLimitDays", "Appeal limit (days)", 4, true),
    SECOND_LEVEL_APPEAL_LIMIT_DAYS("secondLevelAppealLimitDays", "Level 2 appeal limit (days)", 4, true),
    THIRD_LEVEL_APPEAL_LIMIT_DAYS("thirdLevelAppealLimitDays", "Level 3 appeal limit (days)", 4, true),
    TIMELY_FILING_DAYS("timelyFilingDays", "Timely filing (days)", 4, true),
    CORRECTED_CLAIM_RULES("correctedClaimRules", "Corrected claim rules", 2000, false),
    ADDRESS_LINE1("addressLine1", "Address line 1", 100, false),
    ADDRESS_LINE2("addressLine2", "Address line 2", 100, false),
    CITY("city", "City", 60, false),
    STATE("state", "State", 2, false),
    POSTAL_CODE("postalCode", "ZIP code", 10, false),
    PHONE("phone", "Phone", 30, false),
    CLAIM_STATUS_DAYS("claimStatusDays", "Claim status request after (days)", 4, true);

    private final String key;
    private final String label;
    private final int maxLength;
    private final boolean days;

    PayerField(String key, String label, int maxLength, boolean days) {
        this.key = key;
        this.label = label;
        this.maxLength = maxLength;
        this.days = days;
    }

    /** The name of the field in JSON and in forms. */
    String key() {
        return key;
    }

    String label() {
        return label;
    }

    int maxLength() {
        return maxLength;
    }

    /** A count of days: a number cell in the workbook. */
    boolean days() {
        return days;
    }

    /** A column a workbook written before the field existed may lack: its cells count as blank. */
    boolean optionalColumn() {
        return this == CLAIM_STATUS_DAYS;
    }

    static Optional<PayerField> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** The column a header names, ignoring case and surrounding spaces. */
    static Optional<PayerField> byLabel(String header) {
        String wanted = header == null ? "" : header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    String valueIn(PayerDraft draft) {
        return switch (this) {
            case ID -> draft.id();
            case NAME -> draft.name();
            case PLAN_TYPE -> draft.planType();
            case APPEAL_EMAIL -> draft.appealEmail();
            case APPEAL_LIMIT_DAYS -> draft.appealLimitDays();
            case SECOND_LEVEL_APPEAL_LIMIT_DAYS -> draft.secondLevelAppealLimitDays();
            case THIRD_LEVEL_APPEAL_LIMIT_DAYS -> draft.thirdLevelAppealLimitDays();
            case TIMELY_FILING_DAYS -> draft.timelyFilingDays();
            case CORRECTED_CLAIM_RULES -> draft.correctedClaimRules();
            case ADDRESS_LINE1 -> draft.addressLine1();
            case ADDRESS_LINE2 -> draft.addressLine2();
            case CITY -> draft.city();
            case STATE -> draft.state();
            case POSTAL_CODE -> draft.postalCode();
            case PHONE -> draft.phone();
            case CLAIM_STATUS_DAYS -> draft.claimStatusDays();
        };
    }

    /** The field's value in a saved profile: days as numbers, the rest as text. */
    Object valueIn(PayerProfile profile) {
        return switch (this) {
            case ID -> profile.id();
            case NAME -> profile.name();
            case PLAN_TYPE -> profile.planType() == null ? null : profile.planType().name();
            case APPEAL_EMAIL -> profile.appealEmail();
            case APPEAL_LIMIT_DAYS -> profile.appealLimitDays();
            case SECOND_LEVEL_APPEAL_LIMIT_DAYS -> profile.secondLevelAppealLimitDays();
            case THIRD_LEVEL_APPEAL_LIMIT_DAYS -> profile.thirdLevelAppealLimitDays();
            case TIMELY_FILING_DAYS -> profile.timelyFilingDays();
            case CORRECTED_CLAIM_RULES -> profile.correctedClaimRules();
            case ADDRESS_LINE1 -> profile.addressLine1();
            case ADDRESS_LINE2 -> profile.addressLine2();
            case CITY -> profile.city();
            case STATE -> profile.state();
            case POSTAL_CODE -> profile.postalCode();
            case PHONE -> profile.phone();
            case CLAIM_STATUS_DAYS -> profile.claimStatusDays();
        };
    }
}
