package org.overturn.claim.x12;

import java.util.Objects;
import org.overturn.claim.ClaimStatusInquiry;
import org.overturn.claim.StatusInquiryWriter;

/**
 * The 276 of one claim (005010X212): 2000A payer (NM1*PR), 2000B the submitter asking (NM1*41), 2000C the billing
 * provider (NM1*1P by NPI), 2000D the subscriber (DMG, NM1*IL) with the claim: TRN*1 trace, REF*1K payer claim
 * number when known, REF*EJ patient control number, AMT*T3 charge, DTP*472 service dates. Layout as the guide's
 * example (shared/samples/x12/real/linuxforhealth__276-claim-level-status.276).
 */
public final class X12StatusInquiryWriter implements StatusInquiryWriter {

    private static final String BLANK_10 = " ".repeat(10);

    @Override
    public byte[] write(ClaimStatusInquiry q) {
        Objects.requireNonNull(q, "inquiry");
        String sender = X12Text.requiredId("ISA06 sender id", q.senderId());
        String receiver = X12Text.requiredId("ISA08 receiver id", q.receiverId());
        String payerId = X12Text.requiredId("2100A NM109 payer id", q.payer() == null ? null : q.payer().id());
        String npi = X12Text.requiredId("2100C NM109 provider NPI", q.provider() == null ? null : q.provider().npi());
        String member = X12Text.requiredId("2100D NM109 member id",
                q.subscriber() == null ? null : q.subscriber().memberId());
        String control = String.valueOf(q.interchangeControlNumber());

        SegmentWriter out = new SegmentWriter();
        out.writeInterchangeHeader("00", BLANK_10, "00", BLANK_10, "ZZ", pad15(sender), "ZZ", pad15(receiver),
                X12Text.shortDate(q.createdAt()), X12Text.time(q.createdAt()), String.valueOf(X12Text.REPETITION),
                "00501", String.format("%09d", q.interchangeControlNumber()), "0", q.production() ? "P" : "T",
                String.valueOf(X12Text.COMPONENT));
        out.write("GS", "HR", sender, receiver, X12Text.date(q.createdAt()), X12Text.time(q.createdAt()), control,
                "X", "005010X212");
        out.startCount();
        out.write("ST", "276", "0001", "005010X212");
        out.write("BHT", "0010", "13", X12Text.id("BHT03 reference", q.reference()), X12Text.date(q.createdAt()),
                X12Text.time(q.createdAt()));
        out.write("HL", "1", "", "20", "1");
        out.write("NM1", "PR", "2", X12Text.text(q.payer().name()), "", "", "", "", "PI", payerId);
        out.write("HL", "2", "1", "21", "1");
        out.write("NM1", "41", "2", X12Text.text(q.submitter() == null ? null : q.submitter().name()), "", "", "", "",
                "46", X12Text.id("2100B NM109 submitter id",
                        q.submitter() == null || q.submitter().id() == null ? sender : q.submitter().id()));
        out.write("HL", "3", "2", "19", "1");
        out.write("NM1", "1P", q.provider().firstName() == null ? "2" : "1", X12Text.text(q.provider().lastName()),
                X12Text.text(q.provider().firstName()), "", "", "", "XX", npi);
        out.write("HL", "4", "3", "22", "0");
        if (q.subscriber().birthDate() != null) {
            out.write("DMG", "D8", X12Text.date(q.subscriber().birthDate()), X12Text.id("DMG03 gender",
                    q.subscriber().gender()));
        }
        out.write("NM1", "IL", "1", X12Text.text(q.subscriber().lastName()), X12Text.text(q.subscriber().firstName()),
                "", "", "", "MI", member);
        out.write("TRN", "1", X12Text.requiredId("TRN02 trace", q.trace()));
        if (q.payerClaimControlNumber() != null && !q.payerClaimControlNumber().isBlank()) {
            out.write("REF", "1K", X12Text.id("REF02 payer claim number", q.payerClaimControlNumber()));
        }
        out.write("REF", "EJ", X12Text.requiredId("REF02 patient control number", q.patientControlNumber()));
        out.write("AMT", "T3", X12Text.number(q.charge()));
        if (q.serviceFrom() != null) {
            out.write("DTP", "472", "RD8", X12Text.date(q.serviceFrom()) + "-"
                    + X12Text.date(q.serviceTo() == null ? q.serviceFrom() : q.serviceTo()));
        }
        out.write("SE", String.valueOf(out.count() + 1), "0001");
        out.write("GE", "1", control);
        out.write("IEA", "1", String.format("%09d", q.interchangeControlNumber()));
        return out.bytes();
    }

    private static String pad15(String id) {
        return String.format("%-15s", id);
    }
}
