package org.overturn.claim.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.overturn.claim.ClaimStatusResponse;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Date;
import org.overturn.x12.X12Envelope;

/**
 * Builds the claim statuses of one 277 transaction set (005010X212), following its HL levels: 20 the payer
 * (2100A {@code NM1*PR}, whose NM109 is kept), 21 the receiver, 19 the provider, 22 the subscriber and 23 the
 * dependent. Unlike the 277CA, where the patient level is PT and TRN02 is the patient control number, here a
 * claim (2200D under 22, 2200E under 23) opens at {@code TRN*2}, whose TRN02 is the 276's trace echoed back; the
 * patient control number is {@code REF*EJ}. A claim's status is its first claim-level STC; an SVC opens a service
 * line (2220D/E) whose STC, REF and DTP are not the claim's.
 */
final class ClaimStatusAssembler implements X12Envelope.TransactionReader {

    private final String controlNumber;
    private final List<ClaimStatusResponse> claims = new ArrayList<>();
    private String reference;
    private String level;
    private String payerId;
    private Builder claim;
    private boolean inLine;

    ClaimStatusAssembler(String controlNumber) {
        this.controlNumber = controlNumber;
    }

    @Override
    public void accept(Segment segment) throws MalformedX12Exception {
        switch (segment.tag()) {
            case "BHT" -> reference = segment.requiredText(3, 50);
            case "HL" -> level(segment);
            case "NM1" -> {
                if ("20".equals(level) && "PR".equals(segment.text(1))) {
                    payerId = segment.text(9, 80);
                }
            }
            case "TRN" -> trace(segment);
            case "STC" -> {
                if (claim != null && !inLine) {
                    claim.status(segment);
                }
            }
            case "REF" -> reference(segment);
            case "DTP" -> {
                if (claim != null && !inLine && "472".equals(segment.text(1))) {
                    claim.dates(segment);
                }
            }
            case "SVC" -> inLine = claim != null;
            default -> {
                // PER, DMG, QTY, AMT: contacts and totals this product does not keep
            }
        }
    }

    List<ClaimStatusResponse> finish(Segment se) throws MalformedX12Exception {
        if (reference == null) {
            throw se.error("277 transaction set " + controlNumber + " has no BHT (its reference and date)");
        }
        close(se);
        return claims;
    }

    private void level(Segment hl) throws MalformedX12Exception {
        if (reference == null) {
            throw hl.error("HL before BHT (the transaction set's header)");
        }
        close(hl);
        level = hl.requiredText(3);
        if (!List.of("20", "21", "19", "22", "23").contains(level)) {
            throw hl.error("HL03 '" + hl.checkLength("HL03", level, 2) + "' is not a 277 claim status level (20 "
                    + "payer, 21 receiver, 19 provider, 22 subscriber, 23 dependent)");
        }
    }

    private void trace(Segment trn) throws MalformedX12Exception {
        if (!("22".equals(level) || "23".equals(level)) || !"2".equals(trn.text(1))) {
            return;
        }
        close(trn);
        claim = new Builder(trn.number(), trn.requiredText(2, 50));
    }

    private void reference(Segment ref) throws MalformedX12Exception {
        if (claim == null || inLine) {
            return;
        }
        String qualifier = ref.text(1);
        if ("EJ".equals(qualifier) && claim.patientControlNumber == null) {
            claim.patientControlNumber = ref.requiredText(2, 50);
        } else if ("1K".equals(qualifier) && claim.payerClaimControlNumber == null) {
            claim.payerClaimControlNumber = ref.requiredText(2, 50);
        }
    }

    /** Ends the claim being read: a claim without a status says nothing and refuses the file. */
    private void close(Segment next) throws MalformedX12Exception {
        inLine = false;
        if (claim == null) {
            return;
        }
        if (claim.category == null) {
            throw next.error("the claim whose TRN*2 is segment " + claim.start
                    + " has no claim-level STC (its status) before this " + next.tag());
        }
        claims.add(new ClaimStatusResponse(claim.trace, payerId, claim.patientControlNumber,
                claim.payerClaimControlNumber, claim.category, claim.status, claim.entity, claim.statusDate,
                claim.billed, claim.paid, claim.from, claim.to, reference, claim.start));
        claim = null;
    }

    private static final class Builder {

        private final int start;
        private final String trace;
        private String patientControlNumber;
        private String payerClaimControlNumber;
        private String category;
        private String status;
        private String entity;
        private LocalDate statusDate;
        private BigDecimal billed;
        private BigDecimal paid;
        private LocalDate from;
        private LocalDate to;

        Builder(int start, String trace) {
            this.start = start;
            this.trace = trace;
        }

        void status(Segment stc) throws MalformedX12Exception {
            if (category != null) {
                return;
            }
            StatusCode code = StatusCode.of(stc);
            category = code.category();
            status = code.status();
            entity = code.entity();
            statusDate = stc.requiredDate(2);
            billed = stc.amount(4);
            paid = stc.amount(5);
        }

        void dates(Segment dtp) throws MalformedX12Exception {
            if (from != null) {
                return;
            }
            String format = dtp.requiredText(2);
            String value = dtp.requiredText(3).trim();
            if ("D8".equals(format)) {
                from = dtp.requiredDate(3);
                to = from;
            } else if ("RD8".equals(format) && value.indexOf('-') > 0) {
                int dash = value.indexOf('-');
                from = X12Date.parse(value.toCharArray(), 0, dash);
                to = X12Date.parse(value.toCharArray(), dash + 1, value.length());
                if (from == null || to == null) {
                    throw dtp.error("DTP03 '" + dtp.checkLength("DTP03", value, 35)
                            + "' is not a valid date range (CCYYMMDD-CCYYMMDD)");
                }
            } else {
                throw dtp.error("DTP03 '" + dtp.checkLength("DTP03", value, 35) + "' is not a service date in "
                        + "format " + format + " (D8 or RD8 CCYYMMDD-CCYYMMDD)");
            }
        }
    }
}
