package org.overturn.claim.x12;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.overturn.claim.FunctionalAcknowledgement;
import org.overturn.claim.TransactionSetAcknowledgement;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * Builds one 999 transaction set (005010X231A1): AK1 names the functional group acknowledged, each AK2 loop answers
 * one of its transaction sets (IK3 segment errors with their CTX context and IK4 element errors, closed by IK5), and
 * AK9 gives the group's status.
 *
 * <p>Errors become readable lines: one per IK3 ({@code segment CLM at 22 (loop 2300): segment has data element
 * errors}, with the situational trigger a CTX names), one per IK4 ({@code segment CLM at 22, element CLM02 (data
 * element 782): invalid code value}), and one per IK502-IK506 code other than "one or more segments in error"
 * ({@code transaction set: number of included segments does not match actual count}). IK404, the bad value
 * itself, is left out: it may be a patient's name. The claim ids are the CLM01 values named by {@code CTX*CLM01},
 * each once, in order.
 *
 * <p>Out-of-order loops are refused (an IK5 before AK1, an IK4 before any IK3, a second IK5 for one AK2, an AK2
 * without its IK5), as are status codes outside X12's lists: what a status would mean is not guessed. Segments a
 * 999 does not define are skipped.
 */
final class ImplementationAckAssembler implements AcknowledgementEnvelope.TransactionReader {

    private static final String SET_STATUSES = "AEMRWX";
    private static final String GROUP_STATUSES = "AEMPRWX";
    private static final String CLAIM_ID = "CLM01";
    private static final String TRIGGER = "SITUATIONAL TRIGGER";

    private final String controlNumber;
    private final LocalDate createdOn;
    private final String sender;

    private boolean answering;
    private String groupControlNumber;
    private String implementation;
    private String groupStatus;
    private final List<TransactionSetAcknowledgement> sets = new ArrayList<>();

    /** The AK2 loop being read, or null between loops. */
    private SetBuilder set;
    /** Segment number of the last AK2 whose IK5 was read. */
    private int lastSetStart;

    ImplementationAckAssembler(String controlNumber, LocalDate createdOn, String sender) {
        this.controlNumber = controlNumber;
        this.createdOn = createdOn;
        this.sender = sender;
    }

    @Override
    public void accept(Segment segment) throws MalformedX12Exception {
        switch (segment.tag()) {
            case "AK1" -> groupResponse(segment);
            case "AK2" -> startSet(segment);
            case "IK3" -> openSet(segment).segmentError(segment);
            case "CTX" -> openSet(segment).context(segment);
            case "IK4" -> openSet(segment).elementError(segment);
            case "IK5" -> endSet(segment);
            case "AK9" -> groupTrailer(segment);
            default -> {
                // a 999 defines no other segments; one that appears carries nothing this product keeps
            }
        }
    }

    @Override
    public void finish(Segment se) throws MalformedX12Exception {
        if (!answering) {
            throw se.error("999 transaction set " + controlNumber + " has no AK1 (the functional group it answers)");
        }
        closeUnansweredSet(se);
        if (groupStatus == null) {
            throw se.error("999 transaction set " + controlNumber + " has no AK9 (the functional group's status)");
        }
    }

    FunctionalAcknowledgement build() {
        return new FunctionalAcknowledgement(groupControlNumber, implementation, groupStatus, createdOn, sender, sets);
    }

    private void groupResponse(Segment ak1) throws MalformedX12Exception {
        if (answering) {
            throw ak1.error("second AK1 in 999 transaction set " + controlNumber
                    + ": a 999 answers one functional group");
        }
        answering = true;
        groupControlNumber = ak1.requiredText(2, 9);
        implementation = ak1.text(3, 12);
    }

    private void startSet(Segment ak2) throws MalformedX12Exception {
        requireGroupResponse(ak2);
        if (groupStatus != null) {
            throw ak2.error("AK2 after AK9: the functional group's status closes the 999");
        }
        closeUnansweredSet(ak2);
        set = new SetBuilder(ak2.number(), ak2.requiredText(1, 3), ak2.requiredText(2, 9), ak2.text(3, 35));
    }

    private SetBuilder openSet(Segment segment) throws MalformedX12Exception {
        requireGroupResponse(segment);
        if (set == null) {
            throw segment.error(segment.tag() + " outside an AK2 loop (no AK2 naming the transaction set it "
                    + "reports on)");
        }
        return set;
    }

    private void endSet(Segment ik5) throws MalformedX12Exception {
        requireGroupResponse(ik5);
        if (groupStatus != null) {
            throw ik5.error("IK5 after AK9: the functional group's status closes the 999");
        }
        if (set == null) {
            throw ik5.error(sets.isEmpty() ? "IK5 without an AK2 (the transaction set it answers)"
                    : "second IK5 for the transaction set of the AK2 at segment " + lastSetStart);
        }
        String status = ik5.requiredText(1, 3);
        if (status.length() != 1 || SET_STATUSES.indexOf(status.charAt(0)) < 0) {
            throw ik5.error("IK501 '" + status + "' is not a transaction set acknowledgment code "
                    + "(A, E, M, R, W or X)");
        }
        for (int e = 2; e <= 6; e++) {
            String code = ik5.text(e, 3);
            if (code != null && !SyntaxErrorCodes.onlyPointsToSegments(code)) {
                set.errors.add("transaction set: " + SyntaxErrorCodes.transactionSet(code));
            }
        }
        sets.add(set.build(status));
        lastSetStart = set.start;
        set = null;
    }

    private void groupTrailer(Segment ak9) throws MalformedX12Exception {
        requireGroupResponse(ak9);
        if (groupStatus != null) {
            throw ak9.error("second AK9 in 999 transaction set " + controlNumber);
        }
        closeUnansweredSet(ak9);
        String status = ak9.requiredText(1, 3);
        if (status.length() != 1 || GROUP_STATUSES.indexOf(status.charAt(0)) < 0) {
            throw ak9.error("AK901 '" + status + "' is not a functional group acknowledgment code "
                    + "(A, E, M, P, R, W or X)");
        }
        groupStatus = status;
    }

    private void requireGroupResponse(Segment segment) throws MalformedX12Exception {
        if (!answering) {
            throw segment.error(segment.tag() + " before AK1 (the functional group this 999 answers)");
        }
    }

    /** An AK2 loop must end with its IK5: without it the transaction set's status is unknown. */
    private void closeUnansweredSet(Segment next) throws MalformedX12Exception {
        if (set != null) {
            throw next.error("the AK2 at segment " + set.start + " (transaction set " + set.controlNumber
                    + ") has no IK5 (its status) before this " + next.tag());
        }
    }

    /** One AK2 loop being read. */
    private static final class SetBuilder {

        private final int start;
        private final String type;
        private final String controlNumber;
        private final String implementation;
        private final List<String> errors = new ArrayList<>();
        private final Set<String> claimIds = new LinkedHashSet<>();
        /** The IK3 being read: its segment id and position, for the IK4 lines and a trigger CTX. */
        private String segmentId;
        private String position;
        private int segmentLine = -1;

        SetBuilder(int start, String type, String controlNumber, String implementation) {
            this.start = start;
            this.type = type;
            this.controlNumber = controlNumber;
            this.implementation = implementation;
        }

        void segmentError(Segment ik3) throws MalformedX12Exception {
            segmentId = orUnknown(ik3.text(1, 3));
            position = orUnknown(ik3.text(2, 10));
            // X12 gives IK303 four characters, but TR3 loop ids (2010BA) have six, and 999s send them
            String loop = ik3.text(3, 10);
            String reason = SyntaxErrorCodes.segment(ik3.text(4, 3));
            segmentLine = errors.size();
            errors.add(where() + (loop == null ? "" : " (loop " + loop + ")") + ": " + reason);
        }

        void elementError(Segment ik4) throws MalformedX12Exception {
            if (segmentLine < 0) {
                throw ik4.error("IK4 before any IK3 (the segment whose element it reports on)");
            }
            String element = elementName(segmentId, ik4, 1);
            String reference = ik4.text(2, 4);
            String reason = SyntaxErrorCodes.element(ik4.text(3, 3));
            errors.add(where() + ", element " + element
                    + (reference == null ? "" : " (data element " + reference + ")") + ": " + reason);
        }

        /**
         * {@code CTX*CLM01:id} names the claim the errors were found in; {@code CTX*SITUATIONAL TRIGGER*...} names
         * the segment whose content made the one in error required or forbidden, and is added to the IK3's line.
         */
        void context(Segment ctx) throws MalformedX12Exception {
            String name = ctx.component(1, 1);
            if (CLAIM_ID.equals(name)) {
                String claimId = ctx.checkLength("CTX01-2", ctx.component(1, 2), 38);
                if (claimId != null) {
                    claimIds.add(claimId);
                }
            } else if (TRIGGER.equals(name) && segmentLine >= 0) {
                String trigger = ctx.text(2, 3);
                if (trigger != null) {
                    String at = ctx.text(3, 10);
                    String element = ctx.isPresent(5) ? ", " + elementName(trigger, ctx, 5) : "";
                    errors.set(segmentLine, errors.get(segmentLine) + " (situational trigger: segment " + trigger
                            + (at == null ? "" : " at " + at) + element + ")");
                }
            }
        }

        TransactionSetAcknowledgement build(String status) {
            return new TransactionSetAcknowledgement(type, controlNumber, implementation, status, errors,
                    List.copyOf(claimIds));
        }

        private String where() {
            return "segment " + segmentId + " at " + position;
        }

        /**
         * The element a position composite (IK401, CTX05: element, component, repetition) points to, as
         * {@code CLM05-3}.
         */
        private static String elementName(String segmentId, Segment segment, int element)
                throws MalformedX12Exception {
            String position = segment.component(element, 1);
            if (position == null) {
                throw segment.missing(element);
            }
            String component = segment.component(element, 2);
            String repetition = segment.component(element, 3);
            String name = segmentId + (position.length() == 1 ? "0" + position : position);
            if (component != null) {
                name += "-" + component;
            }
            if (repetition != null) {
                name += " (repetition " + repetition + ")";
            }
            return segment.checkLength(segment.name(element), name, 40);
        }

        private static String orUnknown(String value) {
            return value == null ? "?" : value;
        }
    }
}
