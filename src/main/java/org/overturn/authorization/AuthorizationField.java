package org.overturn.authorization;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The fields of an authorization: the API's JSON name, the label a form and the import template show, and the
 * length the register keeps.
 */
public enum AuthorizationField {
    PAYER_ID("payerId", "Payer id", 80),
    PAYER_NAME("payerName", "Payer name", 60),
    MEMBER_ID("memberId", "Member id", 80),
    PATIENT_NAME("patientName", "Patient name", 120),
    NUMBER("number", "Authorization number", 50),
    LEVEL_OF_CARE("levelOfCare", "Level of care", 30),
    PROCEDURES("procedures", "Services (codes)", 400),
    UNIT_TYPE("unitType", "Counts", 8),
    UNITS_APPROVED("unitsApproved", "Approved", 12),
    FROM("from", "From", 10),
    TO("to", "To", 10),
    RENDERING_NPI("renderingNpi", "Rendering NPI", 10),
    FACILITY_NPI("facilityNpi", "Facility NPI", 10),
    NEXT_REVIEW_ON("nextReviewOn", "Next review", 10),
    STATUS("status", "Status", 20);

    private final String key;
    private final String label;
    private final int maxLength;

    AuthorizationField(String key, String label, int maxLength) {
        this.key = key;
        this.label = label;
        this.maxLength = maxLength;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The field a spreadsheet column header names (its label or its JSON name, in any case). */
    public static Optional<AuthorizationField> byLabel(String header) {
        String wanted = header.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.toLowerCase(Locale.ROOT).equals(wanted)
                || f.key.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The field's text in a draft. */
    public String valueIn(AuthorizationDraft d) {
        return switch (this) {
            case PAYER_ID -> d.payerId();
            case PAYER_NAME -> d.payerName();
            case MEMBER_ID -> d.memberId();
            case PATIENT_NAME -> d.patientName();
            case NUMBER -> d.number();
            case LEVEL_OF_CARE -> d.levelOfCare();
            case PROCEDURES -> d.proceduresText();
            case UNIT_TYPE -> d.unitType();
            case UNITS_APPROVED -> d.unitsApproved();
            case FROM -> d.from();
            case TO -> d.to();
            case RENDERING_NPI -> d.renderingNpi();
            case FACILITY_NPI -> d.facilityNpi();
            case NEXT_REVIEW_ON -> d.nextReviewOn();
            case STATUS -> d.status();
        };
    }

    /** A draft from text by field (a form, a spreadsheet row); missing fields are null. */
    public static AuthorizationDraft draftOf(java.util.Map<AuthorizationField, String> values) {
        return new AuthorizationDraft(values.get(PAYER_ID), values.get(PAYER_NAME), values.get(MEMBER_ID),
                values.get(PATIENT_NAME), values.get(NUMBER), values.get(LEVEL_OF_CARE),
                AuthorizationDraft.codes(values.get(PROCEDURES)), values.get(UNIT_TYPE), values.get(UNITS_APPROVED),
                values.get(FROM), values.get(TO), values.get(RENDERING_NPI), values.get(FACILITY_NPI),
                values.get(NEXT_REVIEW_ON), values.get(STATUS));
    }
}
