package org.overturn.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a draft into terms, with a message per field for everything that is wrong with it. */
public final class AuthorizationRules {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,5}");
    private static final Pattern NPI = Pattern.compile("\\d{10}");
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");

    private AuthorizationRules() {
    }

    /** The terms, or {@link InvalidAuthorization} with every field that is wrong. */
    public static AuthorizationTerms check(AuthorizationDraft d) {
        Map<String, String> errors = new LinkedHashMap<>();
        String payerId = text(d.payerId(), AuthorizationField.PAYER_ID, true, errors);
        String payerName = text(d.payerName(), AuthorizationField.PAYER_NAME, false, errors);
        String memberId = text(d.memberId(), AuthorizationField.MEMBER_ID, true, errors);
        String patientName = text(d.patientName(), AuthorizationField.PATIENT_NAME, false, errors);
        String number = text(d.number(), AuthorizationField.NUMBER, true, errors);
        List<String> codes = new ArrayList<>();
        for (String raw : d.procedures()) {
            String code = raw.strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!CODE.matcher(code).matches()) {
                errors.put(AuthorizationField.PROCEDURES.key(), "\"" + raw.strip() + "\" is not a CPT/HCPCS code "
                        + "(5 characters) or a revenue code (4 digits)");
            } else if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        LevelOfCare level = null;
        if (blank(d.levelOfCare())) {
            if (codes.isEmpty()) {
                errors.put(AuthorizationField.LEVEL_OF_CARE.key(), "give the level of care, or the services it covers");
            } else {
                level = LevelOfCare.of(codes);
            }
        } else {
            level = choice(LevelOfCare.class, d.levelOfCare(), AuthorizationField.LEVEL_OF_CARE, errors);
        }
        UnitType unitType = blank(d.unitType()) ? UnitType.UNITS
                : choice(UnitType.class, d.unitType(), AuthorizationField.UNIT_TYPE, errors);
        BigDecimal units = null;
        if (blank(d.unitsApproved())) {
            errors.put(AuthorizationField.UNITS_APPROVED.key(), "required: the units, visits or days approved");
        } else {
            try {
                units = new BigDecimal(d.unitsApproved().strip());
                if (units.signum() < 0 || units.compareTo(new BigDecimal("9999999")) > 0 || units.scale() > 2) {
                    errors.put(AuthorizationField.UNITS_APPROVED.key(), "a number from 0 to 9999999");
                    units = null;
                }
            } catch (NumberFormatException e) {
                errors.put(AuthorizationField.UNITS_APPROVED.key(), "not a number");
            }
        }
        LocalDate from = date(d.from(), AuthorizationField.FROM, true, errors);
        LocalDate to = date(d.to(), AuthorizationField.TO, true, errors);
        if (from != null && to != null && to.isBefore(from)) {
            errors.put(AuthorizationField.TO.key(), "ends before it starts (" + from + ")");
        }
        String rendering = npi(d.renderingNpi(), AuthorizationField.RENDERING_NPI, errors);
        String facility = npi(d.facilityNpi(), AuthorizationField.FACILITY_NPI, errors);
        LocalDate review = date(d.nextReviewOn(), AuthorizationField.NEXT_REVIEW_ON, false, errors);
        AuthorizationStatus status = blank(d.status()) ? AuthorizationStatus.APPROVED
                : choice(AuthorizationStatus.class, d.status(), AuthorizationField.STATUS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidAuthorization(errors);
        }
        return new AuthorizationTerms(payerId, payerName, memberId, patientName, number, level, codes, unitType,
                units, from, to, rendering, facility, review, status);
    }

    /** The names a choice accepts, for messages and forms. */
    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static String text(String value, AuthorizationField field, boolean required, Map<String, String> errors) {
        if (blank(value)) {
            if (required) {
                errors.put(field.key(), "required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > field.maxLength()) {
            errors.put(field.key(), "at most " + field.maxLength() + " characters");
        }
        return stripped;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, AuthorizationField field,
                                                Map<String, String> errors) {
        String name = value.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            errors.put(field.key(), "\"" + value.strip() + "\" is not one of " + String.join(", ", names(type)));
            return null;
        }
    }

    private static LocalDate date(String value, AuthorizationField field, boolean required,
                                  Map<String, String> errors) {
        if (blank(value)) {
            if (required) {
                errors.put(field.key(), "required");
            }
            return null;
        }
        String text = value.strip();
        try {
            return text.contains("/") ? LocalDate.parse(text, US_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field.key(), "\"" + text + "\" is not a date (2026-03-31 or 3/31/2026)");
            return null;
        }
    }

    private static String npi(String value, AuthorizationField field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String text = value.strip();
        if (!NPI.matcher(text).matches()) {
            errors.put(field.key(), "an NPI is 10 digits");
        }
        return text;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
