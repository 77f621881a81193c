package org.overturn.claim.x12;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.overturn.claim.ClaimAcknowledgement;
import org.overturn.claim.FunctionalAcknowledgement;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Envelope;

/**
 * What acknowledgements make of the shared {@link X12Envelope}: each functional group must be a 999 (GS01 FA, ST01
 * 999, GS08 005010X231A1 or 005010X231) or a 277CA (GS01 HN, ST01 277, GS08 005010X214). Each transaction set's
 * segments go to an {@link ImplementationAckAssembler} or a {@link ClaimAckAssembler}.
 *
 * <p>Lenient where real acknowledgements are wrong and still readable: trailer counts (SE01, GE01, IEA01) and
 * control numbers (SE02, GE02, IEA02) that disagree with what they close are dropped. Clearinghouses send 999s whose
 * IEA02 differs from ISA13 and 277CAs whose SE01 is off by one (see the samples' SOURCES.md); their content is
 * intact. A TA1 between the ISA and the first GS is skipped. Anything else out of place is refused, as is a group of
 * another kind, with a reason naming what it is (an 837, an 835, a 276, a 277 claim status response).
 */
final class AcknowledgementEnvelope implements X12Envelope.Kind<AcknowledgementEnvelope.TransactionReader> {

    /** What reads one transaction set's body. */
    interface TransactionReader extends X12Envelope.TransactionReader {

        /** The transaction set's SE has come: checks that nothing required is missing. */
        void finish(Segment se) throws MalformedX12Exception;
    }

    private enum GroupKind { IMPLEMENTATION_ACK, CLAIM_ACK }

    /** What the functional identifier codes (GS01) of groups that are not acknowledgements hold. */
    private static final Map<String, String> OTHER_GROUPS = Map.of(
            "HC", "an 837 health care claim",
            "HP", "an 835 health care claim payment/advice",
            "HR", "a 276 claim status request",
            "HS", "a 270 eligibility inquiry",
            "HB", "a 271 eligibility response",
            "HI", "a 278 health care services review",
            "BE", "an 834 benefit enrollment",
            "RA", "an 820 payment order/remittance advice");

    private final List<FunctionalAcknowledgement> functional = new ArrayList<>();
    private final List<ClaimAcknowledgement> claims = new ArrayList<>();
    private int implementationAckSets;
    private int claimAckSets;

    private GroupKind group;
    private LocalDate groupDate;
    private String groupSender;
    /** ST01 of the transaction set being opened, read before its ST02. */
    private String transactionType;

    /** Refuses a file, whole, that holds no acknowledgement. */
    @Override
    public void end(int lastNumber, String lastTag) throws MalformedX12Exception {
        if (implementationAckSets + claimAckSets == 0) {
            throw new MalformedX12Exception(lastNumber, lastTag,
                    "the file holds no 999 or 277CA transaction set");
        }
    }

    List<FunctionalAcknowledgement> functional() {
        return functional;
    }

    List<ClaimAcknowledgement> claims() {
        return claims;
    }

    /** 999, 277CA, or 999+277CA when a file holds both. */
    String kind() {
        if (implementationAckSets > 0 && claimAckSets > 0) {
            return X12AcknowledgementParser.KIND_999 + "+" + X12AcknowledgementParser.KIND_277CA;
        }
        return implementationAckSets > 0 ? X12AcknowledgementParser.KIND_999
                : X12AcknowledgementParser.KIND_277CA;
    }

    @Override
    public void checkGroup(Segment gs) throws MalformedX12Exception {
        String functionalId = gs.requiredText(1, 2);
        GroupKind kind = switch (functionalId) {
            case "FA" -> GroupKind.IMPLEMENTATION_ACK;
            case "HN" -> GroupKind.CLAIM_ACK;
            default -> {
                String what = OTHER_GROUPS.get(functionalId);
                throw gs.error("functional group GS01 '" + functionalId + "' is " + (what == null ? "" : what + ", ")
                        + "not a 999 (GS01 FA) or 277CA (GS01 HN)");
            }
        };
        checkVersion(gs, kind);
        groupSender = gs.requiredText(2, 15);
        groupDate = gs.requiredDate(4);
        group = kind;
    }

    /**
     * The guide GS08 names must be the one read for the group's kind. An HN group of 005010X212 is a 277 claim
     * status response (the answer to a 276 inquiry): its statuses are about adjudication, not acceptance, and it is
     * refused rather than read as acknowledgements.
     */
    private static void checkVersion(Segment gs, GroupKind kind) throws MalformedX12Exception {
        String version = gs.requiredText(8, 12);
        String release = version;
        String guide = "";
        int x = version.indexOf('X');
        if (x >= 0) {
            release = version.substring(0, x);
            guide = version.substring(x);
        }
        boolean release5010 = stripLeadingZeros(release).equals("5010");
        if (kind == GroupKind.IMPLEMENTATION_ACK) {
            if (!release5010 || !(guide.equals("X231A1") || guide.equals("X231"))) {
                throw gs.error("GS08 version '" + version + "' is not a 999 version this parser reads "
                        + "(005010X231A1, 005010X231)");
            }
        } else if (guide.startsWith("X212")) {
            throw gs.error("a 277 claim status response (GS08 " + version + "), not a 277CA claim acknowledgement "
                    + "(005010X214)");
        } else if (!release5010 || !guide.equals("X214")) {
            throw gs.error("GS08 version '" + version + "' is not a 277CA version this parser reads (005010X214)");
        }
    }

    @Override
    public void checkTransaction(Segment st) throws MalformedX12Exception {
        transactionType = st.requiredText(1, 3);
    }

    @Override
    public TransactionReader openTransaction(Segment st, String controlNumber) throws MalformedX12Exception {
        String type = transactionType;
        if (group == GroupKind.IMPLEMENTATION_ACK) {
            if ("997".equals(type)) {
                throw st.error("a 997 functional acknowledgment, not a 999 implementation acknowledgment");
            }
            if (!"999".equals(type)) {
                throw st.error("transaction set ST01 '" + type + "' is not a 999 (implementation acknowledgment), "
                        + "as its group's GS01 FA says");
            }
            return new ImplementationAckAssembler(controlNumber, groupDate, groupSender);
        }
        if (!"277".equals(type)) {
            throw st.error("transaction set ST01 '" + type + "' is not a 277 (claim acknowledgment), as its "
                    + "group's GS01 HN says");
        }
        return new ClaimAckAssembler(controlNumber);
    }

    @Override
    public void outsideTransaction(Segment segment, boolean betweenGroups) throws MalformedX12Exception {
        if (segment.is("TA1") && betweenGroups) {
            // an interchange acknowledgment may precede the groups: it says nothing about claims
            return;
        }
        throw segment.error(segment.tag() + " outside any transaction set (no open ST..SE)");
    }

    @Override
    public void closeTransaction(TransactionReader transaction, Segment se, List<String> warnings)
            throws MalformedX12Exception {
        transaction.finish(se);
        if (transaction instanceof ImplementationAckAssembler ack) {
            functional.add(ack.build());
            implementationAckSets++;
        } else if (transaction instanceof ClaimAckAssembler ack) {
            claims.addAll(ack.build());
            claimAckSets++;
        }
    }

    private static String stripLeadingZeros(String text) {
        int i = 0;
        while (i < text.length() - 1 && text.charAt(i) == '0') {
            i++;
        }
        return text.substring(i);
    }
}
