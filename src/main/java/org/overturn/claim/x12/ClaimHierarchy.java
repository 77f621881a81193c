package org.overturn.claim.x12;

import java.util.HashMap;
import java.util.Map;

import org.overturn.claim.ClaimParty;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * The HL hierarchy of one 837 transaction: billing provider (20) over subscriber (22) over patient (23), each
 * holding what its loops named, so that a claim knows its parties when its CLM arrives.
 *
 * <p>A level's parent is the level HL02 names when that is one of the right kind; when HL02 names none (a
 * duplicated or mistyped id, as real files have), it is the enclosing level in file order, which is what X12's
 * nesting means anyway. Only a level left with no parent at all is refused: its claims would have no billing
 * provider or no subscriber and payer.
 */
final class ClaimHierarchy {

    /** The level a segment falls in. */
    enum Kind { BILLING, SUBSCRIBER, PATIENT }

    /** 2000A: the billing provider (2010AA) and the taxonomy its PRV*BI gives. */
    static final class BillingLevel {
        final String id;
        ClaimProviderBuilder provider;
        String taxonomy;

        BillingLevel(String id) {
            this.id = id;
        }
    }

    /** 2000B: SBR09, the subscriber (2010BA) and the payer (2010BB). */
    static final class SubscriberLevel {
        final String id;
        final BillingLevel parent;
        String filingIndicator;
        ClaimPersonBuilder subscriber;
        ClaimParty payer;

        SubscriberLevel(String id, BillingLevel parent) {
            this.id = id;
            this.parent = parent;
        }
    }

    /** 2000C: the patient (2010CA), a dependent of the subscriber. */
    static final class PatientLevel {
        final String id;
        final SubscriberLevel parent;
        ClaimPersonBuilder patient;

        PatientLevel(String id, SubscriberLevel parent) {
            this.id = id;
            this.parent = parent;
        }
    }

    private final Map<String, Object> levels = new HashMap<>();
    private Kind current;
    private BillingLevel billing;
    private SubscriberLevel subscriber;
    private PatientLevel patient;

    /** Opens the level an HL starts and returns its kind. */
    Kind start(Segment hl) throws MalformedX12Exception {
        String id = hl.requiredText(1, 12);
        String parentId = hl.text(2, 12);
        String code = hl.requiredText(3);
        Object parent = parentId == null ? null : levels.get(parentId);
        switch (code) {
            case "20" -> {
                billing = new BillingLevel(id);
                subscriber = null;
                patient = null;
                levels.put(id, billing);
                current = Kind.BILLING;
            }
            case "22" -> {
                BillingLevel of = parent instanceof BillingLevel level ? level : billing;
                if (of == null) {
                    throw hl.error("subscriber level HL " + id + " has no billing provider level (HL 20) above it"
                            + named(parentId));
                }
                billing = of;
                subscriber = new SubscriberLevel(id, of);
                patient = null;
                levels.put(id, subscriber);
                current = Kind.SUBSCRIBER;
            }
            case "23" -> {
                SubscriberLevel of = parent instanceof SubscriberLevel level ? level : subscriber;
                if (of == null) {
                    throw hl.error("patient level HL " + id + " has no subscriber level (HL 22) above it"
                            + named(parentId));
                }
                subscriber = of;
                billing = of.parent;
                patient = new PatientLevel(id, of);
                levels.put(id, patient);
                current = Kind.PATIENT;
            }
            default -> throw hl.error("HL03 level '" + code
                    + "' is not 20 (billing provider), 22 (subscriber) or 23 (patient)");
        }
        return current;
    }

    Kind current() {
        return current;
    }

    BillingLevel billing() {
        return billing;
    }

    SubscriberLevel subscriber() {
        return subscriber;
    }

    PatientLevel patient() {
        return patient;
    }

    private static String named(String parentId) {
        return parentId == null ? "" : " (HL02 names '" + parentId + "', which is not one)";
    }
}
