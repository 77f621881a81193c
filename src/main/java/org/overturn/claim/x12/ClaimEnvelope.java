package org.overturn.claim.x12;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;

/**
 * The ISA/GS/ST nesting of an 837 file: every envelope must open and close in order, groups must hold health care
 * claims (GS01 HC, ST01 837) of a version this parser reads, and each transaction's segments go to a
 * {@link ClaimTransactionAssembler}.
 *
 * <p>Unlike the 835 envelope, the counts and control numbers of the trailers (SE01/SE02, GE01/GE02, IEA01/IEA02)
 * are not checked: real 837s arrive with wrong segment counts and repeated control numbers (a clearinghouse
 * forwards them as the practice management system wrote them), the claims in them are still whole, and nothing is
 * posted from them. A trailer that is missing altogether (a truncated file) is still refused, as is any envelope
 * out of order, since then a claim may have lost its end.
 */
final class ClaimEnvelope {

    /** What other X12 groups hold, so that a file of the wrong kind is named for what it is. */
    private static final Map<String, String> OTHER_GROUPS = Map.of(
            "HP", "a remittance advice (835)",
            "FA", "an acknowledgment (999 or 997)",
            "HN", "a claim acknowledgment (277CA)",
            "HR", "a claim status request (276)",
            "HS", "an eligibility inquiry (270)",
            "HB", "an eligibility response (271)");

    private final List<ClaimTransaction> transactions = new ArrayList<>();

    private boolean inInterchange;
    private boolean inGroup;
    private ClaimTransactionAssembler transaction;

    private String interchangeControlNumber;
    private LocalDate interchangeDate;
    private String groupControlNumber;
    private ClaimImplementation implementation;
    private String transactionControlNumber;

    void accept(Segment segment) throws MalformedX12Exception {
        switch (segment.tag()) {
            case "ISA" -> startInterchange(segment);
            case "GS" -> startGroup(segment);
            case "ST" -> startTransaction(segment);
            case "SE" -> endTransaction(segment);
            case "GE" -> endGroup(segment);
            case "IEA" -> endInterchange(segment);
            default -> body(segment);
        }
    }

    /**
     * The transactions read, once the input has ended.
     *
     * @param lastNumber number of the last segment read (complete or not), for a truncated file
     * @param lastTag    its id
     */
    List<ClaimTransaction> finish(int lastNumber, String lastTag) throws MalformedX12Exception {
        String missing = openTrailer();
        if (missing != null) {
            throw new MalformedX12Exception(lastNumber, lastTag, "truncated file: it ends before " + missing);
        }
        return transactions;
    }

    /** The innermost trailer still owed, or null when every envelope is closed. */
    private String openTrailer() {
        return transaction != null ? "SE (transaction set " + transactionControlNumber + " is not closed)"
                : inGroup ? "GE (functional group " + groupControlNumber + " is not closed)"
                : inInterchange ? "IEA (interchange " + interchangeControlNumber + " is not closed)"
                : null;
    }

    private void startInterchange(Segment isa) throws MalformedX12Exception {
        if (inInterchange) {
            // a file of several interchanges whose earlier one was cut short (TigerShark's 837I sample)
            throw isa.error("truncated interchange " + interchangeControlNumber + ": a new ISA comes before its "
                    + openTrailer());
        }
        inInterchange = true;
        interchangeControlNumber = isa.requiredText(13);
        interchangeDate = ClaimDates.interchangeDate(isa);
    }

    private void startGroup(Segment gs) throws MalformedX12Exception {
        if (!inInterchange) {
            throw gs.error("GS outside an interchange (no ISA before it)");
        }
        if (inGroup) {
            throw gs.error("GS before the GE that closes functional group " + groupControlNumber);
        }
        String functionalId = gs.requiredText(1);
        if (!"HC".equals(functionalId)) {
            String other = OTHER_GROUPS.get(functionalId);
            throw gs.error("functional group GS01 '" + functionalId + "' is not HC (health care claim)"
                    + (other == null ? "" : ": this file holds " + other + ", not 837 claims"));
        }
        groupControlNumber = gs.requiredText(6, 9);
        implementation = ClaimImplementation.of(gs);
        inGroup = true;
    }

    private void startTransaction(Segment st) throws MalformedX12Exception {
        if (!inGroup) {
            throw st.error("ST outside a functional group (no GS before it)");
        }
        if (transaction != null) {
            throw st.error("ST before the SE that closes transaction set " + transactionControlNumber);
        }
        String type = st.requiredText(1);
        if (!"837".equals(type)) {
            throw st.error("transaction set ST01 '" + type + "' is not an 837 (health care claim)");
        }
        transactionControlNumber = st.requiredText(2, 9);
        transaction = new ClaimTransactionAssembler(implementation, interchangeControlNumber, interchangeDate,
                groupControlNumber, transactionControlNumber);
    }

    private void body(Segment segment) throws MalformedX12Exception {
        if (transaction == null) {
            throw segment.error(segment.tag() + " outside any transaction (no open ST..SE)");
        }
        transaction.accept(segment);
    }

    private void endTransaction(Segment se) throws MalformedX12Exception {
        if (transaction == null) {
            throw se.error("SE without an ST");
        }
        transactions.add(transaction.finish(se));
        transaction = null;
    }

    private void endGroup(Segment ge) throws MalformedX12Exception {
        if (transaction != null) {
            throw ge.error("GE before the SE that closes transaction set " + transactionControlNumber);
        }
        if (!inGroup) {
            throw ge.error("GE without a GS");
        }
        inGroup = false;
    }

    private void endInterchange(Segment iea) throws MalformedX12Exception {
        if (transaction != null) {
            throw iea.error("IEA before the SE that closes transaction set " + transactionControlNumber);
        }
        if (inGroup) {
            throw iea.error("IEA before the GE that closes functional group " + groupControlNumber);
        }
        if (!inInterchange) {
            throw iea.error("IEA without an ISA");
        }
        inInterchange = false;
    }
}
