package org.overturn.claimstatus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;

/**
 * The files of a claim the payer took in and never answered: the practice's 837 (one 150.00 psychotherapy line, the
 * day before it was sent) and the payer's 277CA accepting it (STC A2) with its claim number PAYER-&lt;pcn&gt;.
 */
public final class UnansweredClaimFiles {

    private static final DateTimeFormatter X12 = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ClaimProvider CLINIC = new ClaimProvider("1234567893", "RIVERBEND BEHAVIORAL HEALTH", null,
            "261QM0801X", "123456789", new ClaimAddress("400 RIVER ROAD", null, "HARRISBURG", "PA", "17101"));

    private final String run;
    private final String payer;

    /** Claims of member M&lt;run&gt; to the payer {@code payer} (QUIET HEALTH PLAN). */
    public UnansweredClaimFiles(String run, String payer) {
        this.run = run;
        this.payer = payer;
    }

    public byte[] claim(String pcn, LocalDate sent) {
        var person = new ClaimPerson("M" + run, "TESTPATIENT", "JORDAN", LocalDate.of(1984, 3, 12), "F");
        BigDecimal charge = new BigDecimal("150.00");
        var line = new BilledLine(1, null, "HC", "90837", List.of(), charge, "UN", BigDecimal.ONE, null, List.of(1),
                sent.minusDays(1), null, null, null, null);
        var claim = new BilledClaim(ClaimKind.PROFESSIONAL, pcn, charge, "11", "B", "1",
                new ClaimParty("QUIET HEALTH PLAN", payer), CLINIC, null, person, person, "CI", List.of("F331"),
                null, null, null, null, null, null, null, List.of(), List.of(line));
        return ClaimWriter.standard().write(new ClaimBatch(ClaimKind.PROFESSIONAL, "RBH0001", "CPEDI01",
                Math.abs(pcn.hashCode() % 900_000_000L), LocalDateTime.of(sent, LocalTime.NOON), "B-" + pcn, false,
                new ClaimParty("RIVERBEND BEHAVIORAL HEALTH", "RBH0001"), "BILLING OFFICE", "7175550100",
                new ClaimParty("CLEARPATH EDI", "CPEDI01"), List.of(claim)));
    }

    /** The payer's 277CA accepting the claim (STC A2), with its claim number. */
    public byte[] accepted(String pcn, LocalDate on) {
        String d = X12.format(on);
        return (String.join("~\n",
                "ISA*00*          *00*          *ZZ*CPEDI01        *ZZ*RBH0001        *" + d.substring(2)
                        + "*1200*^*00501*000000501*0*T*:",
                "GS*HN*CPEDI01*RBH0001*" + d + "*1200*501*X*005010X214",
                "ST*277*0001*005010X214", "BHT*0085*08*RPT-" + pcn + "*" + d + "*1200*TH",
                "HL*1**20*1", "NM1*PR*2*QUIET HEALTH PLAN*****PI*" + payer, "TRN*1*RPT-" + pcn,
                "DTP*050*D8*" + d, "DTP*009*D8*" + d,
                "HL*2*1*21*1", "NM1*41*2*RIVERBEND BEHAVIORAL HEALTH*****46*RBH0001", "TRN*2*B1",
                "STC*A1:19*" + d + "*WQ*150", "QTY*90*1", "AMT*YU*150",
                "HL*3*2*19*1", "NM1*85*2*RIVERBEND BEHAVIORAL HEALTH*****XX*1234567893",
                "HL*4*3*PT", "NM1*QC*1*TESTPATIENT*JORDAN****MI*M" + run, "TRN*2*" + pcn,
                "STC*A2:20*" + d + "*WQ*150", "REF*1K*PAYER-" + pcn, "DTP*472*D8*" + X12.format(on.minusDays(2)),
                "SE*22*0001", "GE*1*501", "IEA*1*000000501") + "~\n").getBytes(StandardCharsets.US_ASCII);
    }
}
