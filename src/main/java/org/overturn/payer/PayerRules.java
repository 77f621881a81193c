package org.overturn.payer;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a payer entry must look like, the same for the form, the API and the spreadsheet import. Values are trimmed
 * and tidied (state upper case, ZIP+4 with its dash); a blank appeal or timely-filing limit takes the default of
 * the plan type.
 */
@Component
class PayerRules {

    /** Ten years: a larger count is a typo, not a payer's term. */
    static final int MAX_DAYS = 3650;

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern ZIP = Pattern.compile("(\\d{5})(?:-?(\\d{4}))?");
    private static final Pattern PHONE = Pattern.compile("[0-9+()./ -]+((x|ext\\.?) ?[0-9]{1,6})?",
            Pattern.CASE_INSENSITIVE);
    /** Ids travel in page and API addresses. */
    private static final Pattern ID_CHARACTERS = Pattern.compile("[^/\\\\?#%;\\p{Cntrl}]+");
    /** USPS codes of the states, DC, the territories and the military post offices. */
    private static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY", "AS", "GU", "MP", "PR", "VI", "AA", "AE", "AP");
    static final String PLAN_TYPES = Arrays.stream(PlanType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    /** Either the tidy profile, or what is wrong with each field (in field order), never both. */
    record Checked(PayerProfile profile, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final PayerTerms appealTerms;
    private final TimelyFilingTerms filingTerms;

    PayerRules(PayerTerms appealTerms, TimelyFilingTerms filingTerms) {
        this.appealTerms = appealTerms;
        this.filingTerms = filingTerms;
    }

    Checked check(PayerDraft draft) {
        Map<PayerField, String> errors = new EnumMap<>(PayerField.class);
        String id = text(draft, PayerField.ID, errors);
        if (id == null && !errors.containsKey(PayerField.ID)) {
            errors.put(PayerField.ID, "required");
        } else if (id != null && !ID_CHARACTERS.matcher(id).matches()) {
            errors.put(PayerField.ID, "may not contain / \\ ? # % ; or control characters");
        }
        String name = text(draft, PayerField.NAME, errors);
        if (name == null && !errors.containsKey(PayerField.NAME)) {
            errors.put(PayerField.NAME, "required");
        }
        PlanType planType = planType(draft.planType(), errors);
        String email = text(draft, PayerField.APPEAL_EMAIL, errors);
        if (email != null && !errors.containsKey(PayerField.APPEAL_EMAIL) && !EMAIL.matcher(email).matches()) {
            errors.put(PayerField.APPEAL_EMAIL, "not an email address");
        }
        Integer appealDays = days(draft, PayerField.APPEAL_LIMIT_DAYS, errors);
        Integer secondDays = days(draft, PayerField.SECOND_LEVEL_APPEAL_LIMIT_DAYS, errors);
        Integer thirdDays = days(draft, PayerField.THIRD_LEVEL_APPEAL_LIMIT_DAYS, errors);
        Integer filingDays = days(draft, PayerField.TIMELY_FILING_DAYS, errors);
        Integer claimStatusDays = days(draft, PayerField.CLAIM_STATUS_DAYS, errors);
        String rules = text(draft, PayerField.CORRECTED_CLAIM_RULES, errors);
        String line1 = text(draft, PayerField.ADDRESS_LINE1, errors);
        String line2 = text(draft, PayerField.ADDRESS_LINE2, errors);
        String city = text(draft, PayerField.CITY, errors);
        String state = state(draft.state(), errors);
        String zip = zip(draft.postalCode(), errors);
        String phone = text(draft, PayerField.PHONE, errors);
        if (phone != null && !errors.containsKey(PayerField.PHONE) && (!PHONE.matcher(phone).matches()
                || digits(phone.replaceAll("(?i)(x|ext\\.?) ?[0-9]+$", "")) < 10)) {
            errors.put(PayerField.PHONE, "not a phone number (10 digits, e.g. 800-555-0100 x123)");
        }
        if (!errors.isEmpty()) {
            Map<String, String> byKey = new LinkedHashMap<>();
            errors.forEach((field, message) -> byKey.put(field.key(), message));
            return new Checked(null, Collections.unmodifiableMap(byKey));
        }
        return new Checked(new PayerProfile(id, name, planType, email,
                appealDays != null ? appealDays : appealTerms.appealLimitDays(planType), secondDays, thirdDays,
                filingDays != null ? filingDays : filingTerms.timelyFilingDays(planType), rules, line1, line2, city,
                state, zip, phone, false, claimStatusDays), Map.of());
    }

    /** Trimmed, blank as null, and no longer than the column. */
    private static String text(PayerDraft draft, PayerField field, Map<PayerField, String> errors) {
        String value = field.valueIn(draft);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > field.maxLength()) {
            errors.put(field, "at most " + field.maxLength() + " characters");
        }
        return value;
    }

    private static PlanType planType(String value, Map<PayerField, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put(PayerField.PLAN_TYPE, "required: one of " + PLAN_TYPES);
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return PlanType.valueOf(name);
        } catch (IllegalArgumentException e) {
            errors.put(PayerField.PLAN_TYPE, "not a plan type: one of " + PLAN_TYPES);
            return null;
        }
    }

    /** A whole, positive number of days; "90.0" (as a spreadsheet may hold it) is 90. */
    private static Integer days(PayerDraft draft, PayerField field, Map<PayerField, String> errors) {
        String value = field.valueIn(draft);
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "not a number of days");
            return null;
        }
        if (number.signum() <= 0) {
            errors.put(field, "must be a positive number of days");
        } else if (number.stripTrailingZeros().scale() > 0) {
            errors.put(field, "must be a whole number of days");
        } else if (number.compareTo(BigDecimal.valueOf(MAX_DAYS)) > 0) {
            errors.put(field, "at most " + MAX_DAYS + " days");
        } else {
            return number.intValueExact();
        }
        return null;
    }

    private static String state(String value, Map<PayerField, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.strip().toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            errors.put(PayerField.STATE, "must be the state's two letters, e.g. NY");
        } else if (!STATES.contains(code)) {
            errors.put(PayerField.STATE, "not a US state code");
        }
        return code;
    }

    private static String zip(String value, Map<PayerField, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var m = ZIP.matcher(value.strip());
        if (!m.matches()) {
            errors.put(PayerField.POSTAL_CODE, "not a ZIP code (5 or 9 digits)");
            return null;
        }
        return m.group(2) == null ? m.group(1) : m.group(1) + "-" + m.group(2);
    }

    private static int digits(String text) {
        return (int) text.chars().filter(Character::isDigit).count();
    }
}
