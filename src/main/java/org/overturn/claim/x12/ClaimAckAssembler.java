package org.overturn.claim.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.overturn.claim.ClaimAcknowledgement;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.x12.Segment;
import org.overturn.x12.X12Date;

/**
 * Builds the claim acknowledgements of one 277CA transaction set (005010X214), following its HL levels: 20 the
 * information source (2100A {@code NM1*PR} or {@code NM1*AY}: the payer or clearinghouse answering), 21 the
 * receiver, 19 the billing provider, PT the patient. Under a patient each {@code TRN*2} opens a claim (loop 2200D:
 * the TRN02 is the patient control number, the CLM01 sent), with its STC, {@code REF*1K} and {@code DTP*472}; an SVC
 * opens a service line (loop 2220D) whose STC, REF and DTP are the line's and are not read.
 *
 * <p>A claim's status is its <b>first</b> claim-level STC (STC01 category:status:entity, STC02 date, STC04 billed
 * amount); a later one (a payer may add a second status, such as the entity in error) is not kept. The statuses of
 * the receiver (2200B) and billing provider (2200C) levels are batch totals, not claim statuses, and are skipped.
 * Whether the category means accepted into adjudication is {@link ClaimStatusCategory}'s rule.
 */
final class ClaimAckAssembler implements AcknowledgementEnvelope.TransactionReader {

    private enum Level { NONE, SOURCE, RECEIVER, PROVIDER, PATIENT }

    private final String controlNumber;
    private final List<ClaimAcknowledgement> claims = new ArrayList<>();

    private boolean headed;
    private String reference;
    private LocalDate reportDate;
    private Level level = Level.NONE;
    private String informationSource;
    private ClaimBuilder claim;
    private boolean inLine;

    ClaimAckAssembler(String controlNumber) {
        this.controlNumber = controlNumber;
    }

    @Override
    public void accept(Segment segment) throws MalformedX12Exception {
        switch (segment.tag()) {
            case "BHT" -> header(segment);
            case "HL" -> level(segment);
            case "NM1" -> name(segment);
            case "TRN" -> trace(segment);
            case "STC" -> status(segment);
            case "REF" -> reference(segment);
            case "DTP" -> date(segment);
            case "SVC" -> line(segment);
            default -> {
                // PER, QTY, AMT and the like: totals and contacts this product does not keep
            }
        }
    }

    @Override
    public void finish(Segment se) throws MalformedX12Exception {
        if (!headed) {
            throw se.error("277CA transaction set " + controlNumber + " has no BHT (its reference and date)");
        }
        closeClaim(se);
    }

    List<ClaimAcknowledgement> build() {
        return claims;
    }

    private void header(Segment bht) throws MalformedX12Exception {
        if (headed) {
            throw bht.error("second BHT in 277CA transaction set " + controlNumber);
        }
        if (level != Level.NONE) {
            throw bht.error("BHT after the first HL: the header comes first");
        }
        headed = true;
        reference = bht.requiredText(3, 50);
        reportDate = bht.requiredDate(4);
    }

    private void level(Segment hl) throws MalformedX12Exception {
        if (!headed) {
            throw hl.error("HL before BHT (the transaction set's header)");
        }
        closeClaim(hl);
        String code = hl.requiredText(3);
        level = switch (code) {
            case "20" -> Level.SOURCE;
            case "21" -> Level.RECEIVER;
            case "19" -> Level.PROVIDER;
            case "PT" -> Level.PATIENT;
            default -> throw hl.error("HL03 '" + hl.checkLength("HL03", code, 2) + "' is not a 277CA level (20 "
                    + "information source, 21 receiver, 19 billing provider, PT patient)");
        };
        if (level == Level.SOURCE) {
            informationSource = null;
        }
    }

    private void name(Segment nm1) throws MalformedX12Exception {
        if (level == Level.SOURCE) {
            String entity = nm1.text(1);
            if ("PR".equals(entity) || "AY".equals(entity)) {
                informationSource = nm1.text(3, 60);
            }
        }
    }

    private void trace(Segment trn) throws MalformedX12Exception {
        if (level != Level.PATIENT || !"2".equals(trn.text(1))) {
            // the TRN of the other levels trace batches, not claims
            return;
        }
        closeClaim(trn);
        claim = new ClaimBuilder(trn.number(), trn.requiredText(2, 50));
    }

    private void status(Segment stc) throws MalformedX12Exception {
        if (level != Level.PATIENT || inLine) {
            return;
        }
        requireClaim(stc).status(stc);
    }

    private void reference(Segment ref) throws MalformedX12Exception {
        if (level != Level.PATIENT || inLine || claim == null) {
            return;
        }
        if ("1K".equals(ref.text(1)) && claim.payerClaimControlNumber == null) {
            claim.payerClaimControlNumber = ref.requiredText(2, 50);
        }
    }

    private void date(Segment dtp) throws MalformedX12Exception {
        if (level != Level.PATIENT || inLine || claim == null || !"472".equals(dtp.text(1))) {
            return;
        }
        claim.serviceDates(dtp);
    }

    private void line(Segment svc) throws MalformedX12Exception {
        if (level == Level.PATIENT) {
            requireClaim(svc);
            inLine = true;
        }
    }

    private ClaimBuilder requireClaim(Segment segment) throws MalformedX12Exception {
        if (claim == null) {
            throw segment.error(segment.tag() + " before the claim's TRN*2 (its patient control number)");
        }
        return claim;
    }

    /** Ends the claim being read: a claim without a status is not an acknowledgement. */
    private void closeClaim(Segment next) throws MalformedX12Exception {
        inLine = false;
        if (claim == null) {
            return;
        }
        if (claim.category == null) {
            throw next.error("the claim whose TRN*2 is segment " + claim.start
                    + " has no claim-level STC (its status) before this " + next.tag());
        }
        claims.add(claim.build());
        claim = null;
    }

    /** Loop 2200D being read. */
    private final class ClaimBuilder {

        private final int start;
        private final String patientControlNumber;
        private String payerClaimControlNumber;
        private String category;
        private String status;
        private String entity;
        private LocalDate statusDate;
        private BigDecimal billedAmount;
        private LocalDate serviceFrom;
        private LocalDate serviceTo;
        private boolean dated;

        ClaimBuilder(int start, String patientControlNumber) {
            this.start = start;
            this.patientControlNumber = patientControlNumber;
        }

        void status(Segment stc) throws MalformedX12Exception {
            if (category != null) {
                return;
            }
            StatusCode code = StatusCode.of(stc);
            category = code.category();
            status = code.status();
            entity = code.entity();
            statusDate = stc.date(2);
            billedAmount = stc.amount(4);
        }

        /** DTP*472: D8 one date, RD8 a range CCYYMMDD-CCYYMMDD. The first one read is kept. */
        void serviceDates(Segment dtp) throws MalformedX12Exception {
            if (dated) {
                return;
            }
            String format = dtp.requiredText(2);
            switch (format) {
                case "D8" -> {
                    serviceFrom = dtp.requiredDate(3);
                    serviceTo = serviceFrom;
                }
                case "RD8" -> {
                    String range = dtp.requiredText(3);
                    int dash = range.indexOf('-');
                    LocalDate from = dash < 0 ? null : parse(range.substring(0, dash));
                    LocalDate to = dash < 0 ? null : parse(range.substring(dash + 1));
                    if (from == null || to == null) {
                        throw dtp.error("DTP03 '" + dtp.checkLength("DTP03", range, 35)
                                + "' is not a valid date range (CCYYMMDD-CCYYMMDD)");
                    }
                    serviceFrom = from;
                    serviceTo = to;
                }
                default -> throw dtp.error("DTP02 '" + dtp.checkLength("DTP02", format, 3)
                        + "' is not a date format a service date is sent in (D8 or RD8)");
            }
            dated = true;
        }

        ClaimAcknowledgement build() {
            return new ClaimAcknowledgement(patientControlNumber, payerClaimControlNumber, category, status, entity,
                    ClaimStatusCategory.accepted(category), statusDate, billedAmount, serviceFrom, serviceTo,
                    informationSource, reference, reportDate);
        }
    }

    private static LocalDate parse(String date) {
        String trimmed = date.trim();
        return X12Date.parse(trimmed.toCharArray(), 0, trimmed.length());
    }
}
