package org.overturn.demo;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The payers' side of the replay: how each payer answers what the clinic sends back. A corrected claim or an
 * overturned appeal is paid in the payer's next weekly payment run (its denied lines priced on the payer's fee
 * schedule, with the member's cost sharing), a corrected claim may be denied again, and appeal decisions also
 * come as letters. The answers are 835 files like the others, written from the claims as the clinic billed them.
 */
final class DemoPayers {

    /** What a payer does with a claim sent back to it. */
    enum Answer { PAID, DENIED_AGAIN }

    /** A claim to answer in a payment run. */
    record Reply(String patientControlNumber, Answer answer, LocalDate received) {
    }

    private static final DateTimeFormatter JULIAN = DateTimeFormatter.ofPattern("yyDDD");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final List<Clinic> clinics;
    private final Map<String, ClaimDecision> billed;
    private final Adjudicator adjudicator = new Adjudicator();
    private final Dice dice;
    private int interchange = 900;
    private int claimSequence;

    /**
     * {@code clinics}: the payees, each paid for the claims its clinicians rendered; {@code billed}: every claim the
     * demo's remittances denied, by patient control number.
     */
    DemoPayers(List<Clinic> clinics, Map<String, ClaimDecision> billed, Dice dice) {
        this.clinics = List.copyOf(clinics);
        this.billed = billed;
        this.dice = dice;
    }

    /** Whether the claim is one of the demo clinic's (a payer answers only claims it adjudicated). */
    boolean knows(String patientControlNumber) {
        return billed.containsKey(patientControlNumber);
    }

    /** The payer id of the claim's payer, as its 835s name it. */
    String payerOf(String patientControlNumber) {
        return billed.get(patientControlNumber).billed().patient().payer().payerId();
    }

    /** The clinic the payer pays for the claim (its own 835 per payee): the one whose clinician rendered it. */
    Clinic payeeOf(String patientControlNumber) {
        Clinician clinician = billed.get(patientControlNumber).billed().clinician();
        return clinics.stream().filter(c -> c.employs(clinician)).findFirst().orElseThrow();
    }

    /** The payer's weekly payment run on or after the day: each payer pays on its own weekday. */
    LocalDate paymentRunOnOrAfter(String payerId, LocalDate day) {
        DayOfWeek runDay = DayOfWeek.of(1 + Math.floorMod(payerId.hashCode(), 5));
        return day.with(TemporalAdjusters.nextOrSame(runDay));
    }

    /** When the run's 835 reaches the clinic: the clearinghouse delivers it early the day before the money moves. */
    java.time.Instant arrivalOf(LocalDate paymentDate) {
        return paymentDate.minusDays(1).atTime(6, 45).atZone(ZoneId.systemDefault()).toInstant();
    }

    /** The payer's 835 to one payee for one payment run answering these claims (all of that payee's). */
    DemoWork.Delivery paymentRun(String payerId, LocalDate paymentDate, List<Reply> replies) {
        var generator = new RemittanceGenerator(payeeOf(replies.get(0).patientControlNumber()));
        Payer payer = billed.get(replies.get(0).patientControlNumber()).billed().patient().payer();
        List<ClaimDecision> claims = new ArrayList<>();
        for (Reply reply : replies) {
            ClaimDecision original = billed.get(reply.patientControlNumber());
            String control = paymentDate.format(JULIAN) + payer.number() + "9" + String.format("%08d", ++claimSequence);
            claims.add(reply.answer() == Answer.PAID
                    ? paid(original, control, reply.received())
                    : deniedAgain(original, control, reply.received()));
        }
        int number = ++interchange;
        // TRN02 unique per payer: the run's date and a number no generated run uses
        String trace = "9" + paymentDate.format(YYMMDD) + String.format("%03d", number);
        var advice = new PaymentAdvice(payer, paymentDate, trace, claims, List.of());
        var text = new StringWriter();
        try {
            generator.write(number, List.of(advice), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoWork.Delivery(arrivalOf(paymentDate),
                "demo-" + paymentDate + "-" + payerId.toLowerCase(java.util.Locale.ROOT) + "-" + number + ".835",
                text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The lines the payer denied, billed again as corrected (or as the appeal asked) and paid on its fee
     * schedule. A deductible can swallow a whole small claim: the payer's roll is taken again then, so that a
     * recovery recovers something.
     */
    private ClaimDecision paid(ClaimDecision original, String control, LocalDate received) {
        BilledClaim resent = deniedPart(original);
        SplittableRandom random = new SplittableRandom(
                (long) (dice.roll(original.billed().patientControlNumber(), "payer prices") * Long.MAX_VALUE));
        ClaimDecision decision = null;
        for (int attempt = 0; attempt < 5 && (decision == null || decision.paid().signum() == 0); attempt++) {
            decision = adjudicator.adjudicate(resent, Adjudicator.Outcome.PAID, null, control, received,
                    BigDecimal.ONE, random);
        }
        return decision;
    }

    /** The same denial of the same lines, under a new payer claim control number. */
    private ClaimDecision deniedAgain(ClaimDecision original, String control, LocalDate received) {
        BilledClaim resent = deniedPart(original);
        if (original.lines().isEmpty()) {
            return new ClaimDecision(resent, "4", control, original.charge(), Adjudicator.zero(),
                    original.adjustments(), original.remarks(), List.of(), received);
        }
        List<LineDecision> lines = deniedLines(original);
        BigDecimal charge = lines.stream().map(LineDecision::charge).reduce(Adjudicator.zero(), BigDecimal::add);
        return new ClaimDecision(resent, "4", control, charge, Adjudicator.zero(), List.of(), original.remarks(),
                lines, received);
    }

    /** The claim as billed, with only the lines the payer denied (all of them for a claim-level denial). */
    private static BilledClaim deniedPart(ClaimDecision original) {
        BilledClaim claim = original.billed();
        if (original.lines().isEmpty()) {
            return claim;
        }
        List<BilledLine> lines = new ArrayList<>();
        for (int i = 0; i < original.lines().size(); i++) {
            if (isDenied(original.lines().get(i))) {
                lines.add(claim.lines().get(i));
            }
        }
        return new BilledClaim(claim.patientControlNumber(), claim.patient(), claim.clinician(), claim.type(),
                claim.facilityCode(), lines.isEmpty() ? claim.lines() : lines);
    }

    private static List<LineDecision> deniedLines(ClaimDecision original) {
        List<LineDecision> denied = original.lines().stream().filter(DemoPayers::isDenied).toList();
        return denied.isEmpty() ? original.lines() : denied;
    }

    /** The adjudicator prices every line it pays and none it denies. */
    private static boolean isDenied(LineDecision line) {
        return line.allowed() == null;
    }
}
