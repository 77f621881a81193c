package org.overturn.correction;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The <em>Correct claim</em> form's structured fields, read into {@link ClaimChanges}: the same rules check a biller's
 * entry before the task completes (a clear message per field) and read it in the process afterwards.
 */
public final class ClaimChangeFields {

    public static final String FREQUENCY = "claimFrequency";
    public static final String LINE = "correctedLine";
    public static final String PROCEDURE = "correctedProcedure";
    public static final String MODIFIERS = "correctedModifiers";
    public static final String UNITS = "correctedUnits";
    public static final String DIAGNOSES = "correctedDiagnoses";
    public static final String PLACE_OF_SERVICE = "correctedPlaceOfService";
    public static final String RENDERING_NPI = "correctedRenderingNpi";
    public static final String RENDERING_NAME = "correctedRenderingName";
    public static final String AUTHORIZATION = "correctedAuthorization";
    /** The value of {@link #FREQUENCY} that voids the claim. */
    public static final String VOID = "VOID";

    private static final Pattern PROCEDURE_CODE = Pattern.compile("[A-Z0-9]{5}");
    private static final Pattern MODIFIER = Pattern.compile("[A-Z0-9]{2}");
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9][0-9A-Z]([0-9A-Z]{1,4})?");
    private static final Pattern POS = Pattern.compile("[0-9]{2}");
    private static final Pattern NPI = Pattern.compile("[0-9]{10}");
    private static final Pattern AUTHORIZATION_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,50}");

    private ClaimChangeFields() {
    }

    /** What is wrong with the entered values, field by field; empty when they can be read. */
    public static Map<String, String> problems(Map<String, ?> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        String procedure = upper(values.get(PROCEDURE));
        if (procedure != null && !PROCEDURE_CODE.matcher(procedure).matches()) {
            problems.put(PROCEDURE, "A CPT or HCPCS code is five letters or digits, such as 90834 or H0015");
        }
        String modifiers = upper(values.get(MODIFIERS));
        if (modifiers != null && !modifiers.equals("NONE")) {
            List<String> list = list(modifiers);
            if (list.size() > 4 || list.stream().anyMatch(m -> !MODIFIER.matcher(m).matches())) {
                problems.put(MODIFIERS, "Up to four two-character modifiers separated by commas, or 'none'");
            }
        }
        String units = text(values.get(UNITS));
        if (units != null) {
            try {
                BigDecimal value = new BigDecimal(units);
                if (value.signum() <= 0 || value.scale() > 3) {
                    problems.put(UNITS, "Units are a positive number (up to three decimals)");
                }
            } catch (NumberFormatException e) {
                problems.put(UNITS, "Units are a positive number (up to three decimals)");
            }
        }
        String diagnoses = upper(values.get(DIAGNOSES));
        if (diagnoses != null) {
            List<String> codes = list(diagnoses.replace(".", ""));
            if (codes.isEmpty() || codes.size() > 12 || codes.stream().anyMatch(c -> !ICD10.matcher(c).matches())) {
                problems.put(DIAGNOSES, "ICD-10-CM codes, principal first, separated by commas (at most 12), "
                        + "such as F33.1, F41.1");
            }
        }
        String place = text(values.get(PLACE_OF_SERVICE));
        if (place != null && !POS.matcher(place).matches()) {
            problems.put(PLACE_OF_SERVICE, "A place of service is two digits, such as 11 (office) or 10 (telehealth "
                    + "in the patient's home)");
        }
        String npi = text(values.get(RENDERING_NPI));
        if (npi != null && !NPI.matcher(npi).matches()) {
            problems.put(RENDERING_NPI, "An NPI is ten digits");
        }
        if (npi != null && text(values.get(RENDERING_NAME)) == null) {
            problems.put(RENDERING_NAME, "Give the rendering provider's name (Last, First) with the new NPI");
        }
        String authorization = text(values.get(AUTHORIZATION));
        if (authorization != null && !AUTHORIZATION_NUMBER.matcher(authorization).matches()) {
            problems.put(AUTHORIZATION, "An authorization number is letters, digits and dashes (at most 50)");
        }
        Object line = values.get(LINE);
        if (line != null && !text(line).isEmpty()) {
            try {
                if (Long.parseLong(text(line)) < 1) {
                    problems.put(LINE, "Line numbers start at 1");
                }
            } catch (NumberFormatException e) {
                problems.put(LINE, "Give the line's number");
            }
        }
        return problems;
    }

    /** The changes entered; call {@link #problems} first (a value that cannot be read here throws). */
    public static ClaimChanges changes(Map<String, ?> values) {
        String modifiers = upper(values.get(MODIFIERS));
        String diagnoses = upper(values.get(DIAGNOSES));
        String units = text(values.get(UNITS));
        String line = text(values.get(LINE));
        return new ClaimChanges(line == null ? null : Integer.valueOf(line), upper(values.get(PROCEDURE)),
                modifiers == null ? null : modifiers.equals("NONE") ? List.of() : list(modifiers),
                units == null ? null : new BigDecimal(units),
                diagnoses == null ? null : list(diagnoses.replace(".", "")), text(values.get(PLACE_OF_SERVICE)),
                text(values.get(RENDERING_NPI)), text(values.get(RENDERING_NAME)), text(values.get(AUTHORIZATION)),
                VOID.equals(text(values.get(FREQUENCY))));
    }

    private static List<String> list(String text) {
        return new ArrayList<>(Arrays.stream(text.split("[,;\\s]+")).map(String::trim).filter(s -> !s.isEmpty())
                .toList());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static String upper(Object value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
