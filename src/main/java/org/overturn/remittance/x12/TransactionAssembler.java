package org.overturn.remittance.x12;

import org.overturn.x12.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.overturn.remittance.ClaimPayment;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.X12Envelope;
import org.overturn.remittance.Party;
import org.overturn.remittance.Payment;
import org.overturn.remittance.ProviderAdjustment;
import org.overturn.remittance.RemittanceAdvice;

/**
 * Builds one 835 transaction set from its segments, following its loops: the header (BPR, TRN, DTM*405),
 * payer 1000A and payee 1000B, then per claim loop 2100 (CLP ...) with its service lines 2110 (SVC ...),
 * and the provider-level adjustments (PLB). A segment's meaning depends on the loop it falls in (a REF
 * after an SVC belongs to the line, after a CLP to the claim); segments this product has no use for are
 * skipped.
 */
final class TransactionAssembler implements X12Envelope.TransactionReader {

    private enum Loop { HEADER, PAYER, PAYEE, OTHER_PARTY, DETAIL, CLAIM, LINE, SUMMARY }

    private final String interchangeControlNumber;
    private final String groupControlNumber;
    private final String version;
    private final String controlNumber;

    private Loop loop = Loop.HEADER;
    private Payment payment;
    private String trace;
    private String originatorId;
    private boolean traced;
    private LocalDate productionDate;
    private PartyBuilder payer;
    private PartyBuilder payee;
    private ClaimBuilder claim;
    private LineBuilder line;
    private final List<ClaimPayment> claims = new ArrayList<>();
    private final List<ProviderAdjustment> providerAdjustments = new ArrayList<>();

    TransactionAssembler(String interchangeControlNumber, String groupControlNumber, String version,
                         String controlNumber) {
        this.interchangeControlNumber = interchangeControlNumber;
        this.groupControlNumber = groupControlNumber;
        this.version = version;
        this.controlNumber = controlNumber;
    }

    @Override
    public void accept(Segment segment) throws MalformedX12Exception {
        switch (segment.tag()) {
            case "BPR" -> payment(segment);
            case "TRN" -> trace(segment);
            case "N1" -> party(segment);
            case "N3", "N4" -> address(segment);
            case "REF" -> reference(segment);
            case "DTM" -> date(segment);
            case "LX" -> startHeaderNumber();
            case "CLP" -> startClaim(segment);
            case "CAS" -> adjustment(segment);
            case "NM1" -> person(segment);
            case "MIA" -> claimRemarks(segment, true);
            case "MOA" -> claimRemarks(segment, false);
            case "AMT" -> amount(segment);
            case "SVC" -> startLine(segment);
            case "LQ" -> remark(segment);
            case "PLB" -> providerAdjustment(segment);
            default -> {
                // CUR, PER, RDM, TS3, TS2, QTY and anything else well-formed: nothing this product keeps
            }
        }
    }

    /** Checks, at its SE, that the transaction set holds what every payment needs. */
    void finish(Segment se) throws MalformedX12Exception {
        closeClaim();
        if (payment == null) {
            throw se.error("transaction set " + controlNumber + " has no BPR (payment)");
        }
        if (!traced) {
            throw se.error("transaction set " + controlNumber + " has no TRN (trace number)");
        }
        if (payer == null) {
            throw se.error("transaction set " + controlNumber + " has no N1*PR (payer)");
        }
        if (payee == null) {
            throw se.error("transaction set " + controlNumber + " has no N1*PE (payee)");
        }
    }

    /**
     * The payment read, once {@link #finish} passed and the file has ended: the trailers of its group and
     * interchange, which come after its SE, may still have warnings for it.
     */
    RemittanceAdvice build(List<String> envelopeWarnings) {
        Payment withTrace = new Payment(payment.handlingCode(), payment.amount(), payment.creditDebit(),
                payment.method(), payment.date(), trace, originatorId);
        return new RemittanceAdvice(interchangeControlNumber, groupControlNumber, version, controlNumber, withTrace,
                productionDate, payer.buildPayer(), payee.buildPayee(), claims, providerAdjustments, envelopeWarnings);
    }

    private void payment(Segment bpr) throws MalformedX12Exception {
        if (payment != null) {
            throw bpr.error("second BPR in transaction set " + controlNumber);
        }
        String handling = bpr.requiredText(1, 2);
        BigDecimal amount = bpr.requiredAmount(2);
        String creditDebit = bpr.requiredText(3, 1);
        String method = bpr.requiredText(4, 3);
        payment = new Payment(handling, amount, creditDebit, method, bpr.date(16), null, null);
    }

    private void trace(Segment trn) throws MalformedX12Exception {
        trn.requiredText(1);
        String number = trn.requiredText(2, 50);
        String originator = trn.text(3, 10);
        if (!traced) {
            traced = true;
            trace = number;
            originatorId = originator;
        }
    }

    private void party(Segment n1) throws MalformedX12Exception {
        if (loop.compareTo(Loop.OTHER_PARTY) > 0) {
            return;
        }
        String entity = n1.requiredText(1);
        switch (entity) {
            case "PR" -> {
                payer = PartyBuilder.from(n1);
                loop = Loop.PAYER;
            }
            case "PE" -> {
                payee = PartyBuilder.from(n1);
                loop = Loop.PAYEE;
            }
            default -> loop = Loop.OTHER_PARTY;
        }
    }

    private void address(Segment segment) {
        PartyBuilder party = loop == Loop.PAYER ? payer : loop == Loop.PAYEE ? payee : null;
        if (party == null) {
            return;
        }
        if (segment.is("N3")) {
            party.street(segment);
        } else {
            party.place(segment);
        }
    }

    private void reference(Segment ref) throws MalformedX12Exception {
        switch (loop) {
            case PAYER -> payer.reference(ref);
            case PAYEE -> payee.reference(ref);
            case CLAIM -> claim.reference(ref);
            case LINE -> line.reference(ref);
            default -> {
                // header REFs (receiver id EV, version F2 ...) are not modelled
            }
        }
    }

    private void date(Segment dtm) throws MalformedX12Exception {
        switch (loop) {
            case CLAIM -> claim.date(dtm);
            case LINE -> line.date(dtm);
            case HEADER -> {
                if ("405".equals(dtm.text(1))) {
                    productionDate = dtm.requiredDate(2);
                }
            }
            default -> {
                // no other dates are defined outside claims and lines
            }
        }
    }

    /** LX opens loop 2000, a group of claims; it ends the party loops and the claim before it. */
    private void startHeaderNumber() {
        closeClaim();
        loop = Loop.DETAIL;
    }

    private void startClaim(Segment clp) throws MalformedX12Exception {
        closeClaim();
        claim = ClaimBuilder.from(clp);
        loop = Loop.CLAIM;
    }

    private void adjustment(Segment cas) throws MalformedX12Exception {
        if (loop == Loop.CLAIM) {
            claim.adjustment(cas);
        } else if (loop == Loop.LINE) {
            line.adjustment(cas);
        } else {
            throw cas.error("CAS outside a claim (no CLP before it)");
        }
    }

    private void person(Segment nm1) throws MalformedX12Exception {
        if (loop == Loop.CLAIM) {
            claim.person(nm1);
        }
    }

    private void claimRemarks(Segment segment, boolean inpatient) throws MalformedX12Exception {
        if (loop != Loop.CLAIM) {
            return;
        }
        if (inpatient) {
            claim.inpatientRemarks(segment);
        } else {
            claim.outpatientRemarks(segment);
        }
    }

    private void amount(Segment amt) throws MalformedX12Exception {
        if (loop == Loop.CLAIM) {
            claim.amount(amt);
        } else if (loop == Loop.LINE) {
            line.amount(amt);
        }
    }

    private void startLine(Segment svc) throws MalformedX12Exception {
        if (loop != Loop.CLAIM && loop != Loop.LINE) {
            throw svc.error("SVC outside a claim (no CLP before it)");
        }
        line = claim.startLine(svc);
        loop = Loop.LINE;
    }

    private void remark(Segment lq) throws MalformedX12Exception {
        if (loop == Loop.LINE) {
            line.remark(lq);
        }
    }

    private void providerAdjustment(Segment plb) throws MalformedX12Exception {
        closeClaim();
        loop = Loop.SUMMARY;
        ProviderAdjustmentSegment.read(plb, providerAdjustments);
    }

    private void closeClaim() {
        if (claim != null) {
            claims.add(claim.build());
            claim = null;
            line = null;
        }
    }
}
