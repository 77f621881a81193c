package org.overturn.letters;

import java.util.Locale;
import java.util.function.Function;

/**
 * The clinical case of a medical-necessity appeal as the biller takes it from the chart on <em>Prepare appeal</em>:
 * the level-of-care criteria the clinician used with its dimensions and scores, the symptoms, the risk, and the lower
 * level of care that was tried and failed; and whether the plan offers its providers a peer-to-peer review.
 *
 * @param criteria        the criteria the clinician applied, or null when none was named
 * @param scores          the dimensions and scores (or the plan guideline's criteria met), as the clinician recorded them
 * @param symptoms        a summary of the symptoms and functional impairment on the dates of service
 * @param risk            the risk (to self, to others, of relapse or decompensation)
 * @param lowerLevelTried the lower level of care tried and why it failed
 * @param peerToPeerOffered whether the plan offers a peer-to-peer review, which the letter then asks for
 */
public record MedicalNecessity(Criteria criteria, String scores, String symptoms, String risk, String lowerLevelTried,
                               boolean peerToPeerOffered) {

    /** Level-of-care criteria a behavioral-health clinician documents a level of care with. */
    public enum Criteria {
        LOCUS("LOCUS (Level of Care Utilization System)"),
        CALOCUS("CALOCUS-CASII (Child and Adolescent Level of Care/Service Intensity Utilization System)"),
        ASAM("the ASAM Criteria"),
        PLAN("your plan's own level-of-care criteria");

        private final String label;

        Criteria(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The fields of the <em>Prepare appeal</em> form (bpmn/denial-lifecycle.bpmn), which the process keeps as
     * variables of the same names and the letter preview receives as request parameters.
     */
    public static final class Fields {
        public static final String CRITERIA = "necessityCriteria";
        public static final String SCORES = "necessityScores";
        public static final String SYMPTOMS = "necessitySymptoms";
        public static final String RISK = "necessityRisk";
        public static final String LOWER_LEVEL_TRIED = "necessityLowerLevelTried";
        public static final String PEER_TO_PEER_OFFERED = "peerToPeerOffered";

        private Fields() {
        }
    }

    public MedicalNecessity {
        scores = blankToNull(scores);
        symptoms = blankToNull(symptoms);
        risk = blankToNull(risk);
        lowerLevelTried = blankToNull(lowerLevelTried);
    }

    /**
     * The case from values looked up by field name (process variables, request parameters); null when the biller
     * entered none of it. An unknown criteria name counts as none.
     */
    public static MedicalNecessity of(Function<String, Object> value) {
        Criteria criteria = criteria(value.apply(Fields.CRITERIA));
        MedicalNecessity necessity = new MedicalNecessity(criteria, text(value.apply(Fields.SCORES)),
                text(value.apply(Fields.SYMPTOMS)), text(value.apply(Fields.RISK)),
                text(value.apply(Fields.LOWER_LEVEL_TRIED)), yes(value.apply(Fields.PEER_TO_PEER_OFFERED)));
        return necessity.isEmpty() ? null : necessity;
    }

    boolean isEmpty() {
        return criteria == null && scores == null && symptoms == null && risk == null && lowerLevelTried == null
                && !peerToPeerOffered;
    }

    private static Criteria criteria(Object value) {
        String name = text(value);
        if (name == null) {
            return null;
        }
        try {
            return Criteria.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean yes(Object value) {
        return value instanceof Boolean b ? b : "true".equalsIgnoreCase(text(value));
    }

    private static String text(Object value) {
        return value == null ? null : blankToNull(value.toString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
