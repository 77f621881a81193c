package org.overturn.part2;

import java.util.Locale;

/**
 * Who receives a Part 2 record (42 CFR 2.31(a)(4)): every disclosure names one, and a consent lets a record go only
 * to the recipient it names, or under the general designation for treatment, payment and health care operations.
 *
 * @param id   the payer id for a payer; for the others, the directory's name or the person's name
 * @param name how the recipient is called, for the accounting of disclosures and the consent's scope
 */
public record Recipient(Kind kind, String id, String name) {

    public enum Kind {
        /** The health plan or third-party payer that denied the claim. */
        PAYER("the payer"),
        /** The agency that receives a parity complaint (EBSA, a state insurance department, CMS, a Medicaid agency). */
        REGULATOR("the regulator"),
        /** An independent review organization, a state fair hearing office, an external review or the QIC/IRE. */
        REVIEW_BODY("the independent reviewer or hearing office"),
        /** The person the patient authorized to act for them. */
        AUTHORIZED_REPRESENTATIVE("the patient's authorized representative");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Recipient {
        if (kind == null) {
            throw new IllegalArgumentException("a recipient has a kind");
        }
        id = clean(id);
        name = clean(name);
        if (id == null && name == null) {
            throw new IllegalArgumentException("a recipient is named");
        }
    }

    public static Recipient payer(String payerId, String payerName) {
        return new Recipient(Kind.PAYER, payerId, payerName);
    }

    /** The same recipient: the same kind, and the same id, or the same name when either has no id. */
    public boolean sameAs(Recipient other) {
        if (other == null || kind != other.kind) {
            return false;
        }
        if (id != null && other.id != null) {
            return normal(id).equals(normal(other.id));
        }
        return name != null && other.name != null && normal(name).equals(normal(other.name));
    }

    /** "the payer ACME HEALTH (ACME)" */
    public String describe() {
        String who = name == null ? id : id == null || id.equalsIgnoreCase(name) ? name : name + " (" + id + ")";
        return kind.label() + " " + who;
    }

    private static String normal(String value) {
        return value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
