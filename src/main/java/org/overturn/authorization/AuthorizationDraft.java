package org.overturn.authorization;

import java.util.List;

/**
 * An authorization as someone entered it (API JSON, page form, a row of an import), every value as text until
 * {@link AuthorizationRules#check} has read it. Field names are the API's (DESIGN section 3): {@code payerId},
 * {@code memberId}, {@code number}, {@code levelOfCare}, {@code procedures}, {@code unitsApproved}, {@code from},
 * {@code to}, {@code renderingNpi}; the others are optional.
 */
public record AuthorizationDraft(String payerId, String payerName, String memberId, String patientName,
                                 String number, String levelOfCare, List<String> procedures, String unitType,
                                 String unitsApproved, String from, String to, String renderingNpi,
                                 String facilityNpi, String nextReviewOn, String status) {

    public AuthorizationDraft {
        procedures = procedures == null ? List.of() : procedures.stream().filter(p -> p != null).toList();
    }

    /** Codes as one line of text, "H0015, 0906", the way a form or a spreadsheet cell holds them. */
    public String proceduresText() {
        return String.join(", ", procedures);
    }

    /** The codes of a form field or spreadsheet cell: separated by commas, semicolons or spaces. */
    public static List<String> codes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.strip().split("[,;\\s]+"));
    }
}
