package org.overturn.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Picks the billed claim an 835 claim payment answers among the claims sent with the same CLM01. Several 837s can
 * carry one patient control number (resubmissions after a rejection, replacements, a practice that reuses numbers),
 * so the candidates are narrowed step by step, each step applied only when it leaves at least one: sent on or before
 * the 835's date, the same payer (by id, else by name: 835 and 837 payer ids often differ), dates of service that
 * overlap, the same charge. The latest one sent of what is left wins, and the reason says which steps decided.
 */
public final class ClaimMatcher {

    private ClaimMatcher() {
    }

    /**
     * A billed claim with the same CLM01.
     *
     * @param id          billed_claim id
     * @param payerId     NM1*PR id
     * @param payerName   NM1*PR name
     * @param charge      CLM02
     * @param serviceFrom first date of service
     * @param serviceTo   last date of service
     * @param submittedOn date sent
     */
    public record Candidate(long id, String payerId, String payerName, BigDecimal charge, LocalDate serviceFrom,
                            LocalDate serviceTo, LocalDate submittedOn) {
    }

    /** The chosen claim and why. */
    public record Match(long billedClaimId, String reason) {
    }

    public static Optional<Match> match(AnsweredClaim answered, List<Candidate> sameControlNumber) {
        if (sameControlNumber.isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> left = new ArrayList<>(sameControlNumber);
        List<String> decided = new ArrayList<>();
        left = narrow(left, c -> answered.answeredOn() == null || c.submittedOn() == null
                || !c.submittedOn().isAfter(answered.answeredOn()), "sent on or before the 835", decided);
        left = narrow(left, c -> samePayer(answered, c), "same payer", decided);
        left = narrow(left, c -> overlaps(answered, c), "dates of service overlap", decided);
        left = narrow(left, c -> answered.charge() != null && c.charge() != null
                && answered.charge().compareTo(c.charge()) == 0, "same charge", decided);
        Candidate chosen = left.stream()
                .max(Comparator.comparing(Candidate::submittedOn, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(Candidate::id))
                .orElseThrow();
        StringBuilder reason = new StringBuilder("CLM01 = CLP01");
        decided.forEach(d -> reason.append(", ").append(d));
        if (sameControlNumber.size() > 1) {
            reason.append("; ").append(left.size() == 1 ? "the only one of " : "the latest sent of ")
                    .append(left.size() == 1 ? sameControlNumber.size() : left.size())
                    .append(" claims with this CLM01");
        }
        String text = reason.toString();
        return Optional.of(new Match(chosen.id(), text.length() > 200 ? text.substring(0, 200) : text));
    }

    /** Keeps those that pass when any does; otherwise keeps all and the step decides nothing. */
    private static List<Candidate> narrow(List<Candidate> candidates, Predicate<Candidate> test, String step,
                                          List<String> decided) {
        List<Candidate> passing = candidates.stream().filter(test).toList();
        if (passing.isEmpty()) {
            return candidates;
        }
        if (passing.size() < candidates.size() || candidates.size() == 1) {
            decided.add(step);
        }
        return passing;
    }

    private static boolean samePayer(AnsweredClaim answered, Candidate c) {
        return same(answered.payerId(), c.payerId()) || same(answered.payerName(), c.payerName());
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && !a.isBlank()
                && a.trim().toUpperCase(Locale.ROOT).equals(b.trim().toUpperCase(Locale.ROOT));
    }

    private static boolean overlaps(AnsweredClaim answered, Candidate c) {
        if (answered.serviceFrom() == null || c.serviceFrom() == null) {
            return false;
        }
        LocalDate aTo = answered.serviceTo() == null ? answered.serviceFrom() : answered.serviceTo();
        LocalDate cTo = c.serviceTo() == null ? c.serviceFrom() : c.serviceTo();
        return !answered.serviceFrom().isAfter(cTo) && !c.serviceFrom().isAfter(aTo);
    }
}
