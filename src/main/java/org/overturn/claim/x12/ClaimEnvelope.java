package org.overturn.claim.x12;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.overturn.claim.ClaimTransaction;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Envelope;

/**
 * What the 837 makes of the shared {@link X12Envelope}: groups must hold health care claims (GS01 HC, ST01 837) of a
 * version this parser reads, and each transaction's segments go to a {@link ClaimTransactionAssembler}.
 *
 * <p>Unlike the 835, the counts and control numbers of the trailers (SE01/SE02, GE01/GE02, IEA01/IEA02) that
 * disagree with what they close are dropped: real 837s arrive with wrong segment counts and repeated control numbers
 * (a clearinghouse forwards them as the practice management system wrote them), the claims in them are still whole,
 * and nothing is posted from them. A trailer that is missing altogether (a truncated file) is still refused, as is
 * any envelope out of order, since then a claim may have lost its end; a new ISA or an IEA that comes while an
 * envelope is open is refused naming the innermost one not closed.
 */
final class ClaimEnvelope implements X12Envelope.Kind<ClaimTransactionAssembler> {

    /** What other X12 groups hold, so that a file of the wrong kind is named for what it is. */
    private static final Map<String, String> OTHER_GROUPS = Map.of(
            "HP", "a remittance advice (835)",
            "FA", "an acknowledgment (999 or 997)",
            "HN", "a claim acknowledgment (277CA)",
            "HR", "a claim status request (276)",
            "HS", "an eligibility inquiry (270)",
            "HB", "an eligibility response (271)");

    private final List<ClaimTransaction> transactions = new ArrayList<>();

    private String interchangeControlNumber;
    private LocalDate interchangeDate;
    private String groupControlNumber;
    private ClaimImplementation implementation;

    /** The transactions read, once the input has ended and the envelope found the file whole. */
    List<ClaimTransaction> transactions() {
        return transactions;
    }

    @Override
    public void openInterchange(Segment isa, String controlNumber) throws MalformedX12Exception {
        interchangeControlNumber = controlNumber;
        interchangeDate = ClaimDates.interchangeDate(isa);
    }

    @Override
    public void checkGroup(Segment gs) throws MalformedX12Exception {
        String functionalId = gs.requiredText(1);
        if (!"HC".equals(functionalId)) {
            String other = OTHER_GROUPS.get(functionalId);
            throw gs.error("functional group GS01 '" + functionalId + "' is not HC (health care claim)"
                    + (other == null ? "" : ": this file holds " + other + ", not 837 claims"));
        }
    }

    @Override
    public void openGroup(Segment gs, String controlNumber) throws MalformedX12Exception {
        groupControlNumber = controlNumber;
        implementation = ClaimImplementation.of(gs);
    }

    @Override
    public void checkTransaction(Segment st) throws MalformedX12Exception {
        X12Envelope.requireTransactionSet(st, "837", "an 837 (health care claim)");
    }

    @Override
    public ClaimTransactionAssembler openTransaction(Segment st, String controlNumber) {
        return new ClaimTransactionAssembler(implementation, interchangeControlNumber, interchangeDate,
                groupControlNumber, controlNumber);
    }

    @Override
    public void closeTransaction(ClaimTransactionAssembler transaction, Segment se, List<String> warnings)
            throws MalformedX12Exception {
        transactions.add(transaction.finish(se));
    }

    @Override
    public boolean namesInnermostOpenEnvelope() {
        // a file of several interchanges whose earlier one was cut short (TigerShark's 837I sample)
        return true;
    }
}
