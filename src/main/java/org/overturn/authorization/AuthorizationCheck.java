package org.overturn.authorization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.overturn.authorization.internal.BilledUse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the claim of an authorization denial against the register. Among the member's approved (or since
 * expired) authorizations with this payer granted to the claim's practice, the one the claim names by number is taken when it is on file; then,
 * in order, the claim's services must be covered (else {@code WRONG_SERVICE}), its dates within the span (else
 * {@code EXPIRED}), its provider the one the authorization is restricted to (else {@code WRONG_PROVIDER}), and the
 * units used by the member's earlier claims plus this one's within those approved (else {@code UNITS_EXHAUSTED}).
 * An authorization that passes all of them makes the denial a payer error ({@code VALID_ON_FILE}).
 */
@Service
public class AuthorizationCheck {

    /** One service line of the claim as billed (or as the 835 repeats it when no 837 is on file). */
    public record BilledService(LocalDate date, String procedure, String revenueCode, BigDecimal units,
                                String renderingNpi) {
    }

    /**
     * The denied claim.
     *
     * @param payerIds            the ids the payer goes by (the 835's, and the 837's when on file)
     * @param authorizationNumber the number billed (REF*G1), or null
     * @param renderingNpi        who rendered the services (the claim's rendering, else billing provider)
     * @param facilityNpi         the billing provider (facility) of the claim, or null
     * @param practiceId          the practice whose claim it is: only that practice's authorizations are compared
     */
    public record ClaimUnderCheck(String memberId, Set<String> payerIds, String patientControlNumber,
                                  String authorizationNumber, String renderingNpi, String facilityNpi,
                                  List<BilledService> services, long practiceId) {
    }

    /** The finding, with the authorization it was made on (null for {@code NONE_ON_FILE}) and why, in words. */
    public record Result(AuthorizationFinding finding, Authorization authorization, String reason) {
    }

    private final AuthorizationRegister register;

    AuthorizationCheck(AuthorizationRegister register) {
        this.register = register;
    }

    @Transactional(readOnly = true)
    public Result check(ClaimUnderCheck claim) {
        if (claim.memberId() == null || claim.memberId().isBlank()) {
            return new Result(AuthorizationFinding.NONE_ON_FILE, null, "the claim names no member id");
        }
        List<Authorization> candidates = register.ofMemberForCheck(claim.memberId().strip(), claim.practiceId())
                .stream()
                .filter(a -> claim.payerIds().contains(a.payerId()))
                .filter(a -> a.status().grants() || a.status() == AuthorizationStatus.EXPIRED)
                .toList();
        if (candidates.isEmpty()) {
            return new Result(AuthorizationFinding.NONE_ON_FILE, null,
                    "no approved authorization for this member with this payer is on file for this practice");
        }
        return decide(claim, candidates, register.billedLinesOf(claim.memberId().strip(), claim.practiceId()));
    }

    /** The finding among the member's authorizations with the payer (at least one), given their billed lines. */
    static Result decide(ClaimUnderCheck claim, List<Authorization> onFile, List<BilledUse.Line> billed) {
        List<Authorization> named = onFile.stream()
                .filter(a -> a.number().equalsIgnoreCase(Objects.requireNonNullElse(claim.authorizationNumber(), "")))
                .toList();
        List<Authorization> candidates = named.isEmpty() ? onFile : named;
        List<Authorization> covering = narrow(candidates, a -> coversAll(a, claim));
        if (covering.isEmpty()) {
            Authorization nearest = latest(candidates);
            return new Result(AuthorizationFinding.WRONG_SERVICE, nearest, "authorization " + nearest.number()
                    + " is for " + services(nearest) + ", not for " + billedCodes(claim));
        }
        List<Authorization> spanning = narrow(covering,
                a -> a.status() != AuthorizationStatus.EXPIRED && spansAll(a, claim));
        if (spanning.isEmpty()) {
            Authorization nearest = latest(covering);
            return new Result(AuthorizationFinding.EXPIRED, nearest, "authorization " + nearest.number() + " ran "
                    + nearest.spanText() + (nearest.status() == AuthorizationStatus.EXPIRED ? " and is expired" : "")
                    + "; the services are dated " + dates(claim));
        }
        List<Authorization> provider = narrow(spanning, a -> providerFits(a, claim));
        if (provider.isEmpty()) {
            Authorization nearest = latest(spanning);
            return new Result(AuthorizationFinding.WRONG_PROVIDER, nearest, "authorization " + nearest.number()
                    + " is restricted to " + restriction(nearest));
        }
        for (Authorization a : provider) {
            BigDecimal before = usedBefore(a, claim, billed);
            BigDecimal asked = asked(a, claim);
            if (before.add(asked).compareTo(a.unitsApproved()) <= 0) {
                return new Result(AuthorizationFinding.VALID_ON_FILE, a, "authorization " + a.number() + " ("
                        + a.spanText() + ") covers these services with " + AuthorizationRegister.plain(
                        a.unitsApproved().subtract(before)) + " of " + a.unitsApproved() + " "
                        + a.unitType().name().toLowerCase() + " left before this claim");
            }
        }
        Authorization nearest = latest(provider);
        return new Result(AuthorizationFinding.UNITS_EXHAUSTED, nearest, "authorization " + nearest.number() + " approved "
                + nearest.unitsApproved() + " " + nearest.unitType().name().toLowerCase() + "; earlier claims used "
                + usedBefore(nearest, claim, billed) + " and this claim asks for " + asked(nearest, claim));
    }

    private static List<Authorization> narrow(List<Authorization> from, Predicate<Authorization> test) {
        return from.stream().filter(test).toList();
    }

    private static Authorization latest(List<Authorization> from) {
        return from.stream().max(Comparator.comparing(Authorization::to).thenComparing(Authorization::id)).orElseThrow();
    }

    private static boolean coversAll(Authorization a, ClaimUnderCheck claim) {
        var terms = a.terms();
        return !claim.services().isEmpty()
                && claim.services().stream().allMatch(s -> terms.covers(s.procedure()) || terms.covers(s.revenueCode()));
    }

    private static boolean spansAll(Authorization a, ClaimUnderCheck claim) {
        var terms = a.terms();
        return claim.services().stream().allMatch(s -> terms.spans(s.date()));
    }

    private static boolean providerFits(Authorization a, ClaimUnderCheck claim) {
        boolean rendering = a.renderingNpi() == null || claim.services().stream().allMatch(s ->
                a.renderingNpi().equals(s.renderingNpi() != null ? s.renderingNpi() : claim.renderingNpi()));
        boolean facility = a.facilityNpi() == null || a.facilityNpi().equals(claim.facilityNpi());
        return rendering && facility;
    }

    /** What the member's other claims used of it, up to this claim's last date of service. */
    private static BigDecimal usedBefore(Authorization a, ClaimUnderCheck claim, List<BilledUse.Line> billed) {
        LocalDate last = claim.services().stream().map(BilledService::date).filter(Objects::nonNull)
                .max(LocalDate::compareTo).orElse(a.to());
        return AuthorizationRegister.used(a.terms(), billed, l ->
                !l.denied() && !l.patientControlNumber().equals(claim.patientControlNumber()) && l.serviceDate() != null
                        && !l.serviceDate().isAfter(last));
    }

    /** What this claim asks of it. */
    private static BigDecimal asked(Authorization a, ClaimUnderCheck claim) {
        List<BilledUse.Line> lines = claim.services().stream().map(s -> new BilledUse.Line(
                claim.patientControlNumber(), claim.memberId(), a.number(), s.procedure(), s.revenueCode(), s.units(),
                s.date(), false, false, claim.practiceId())).toList();
        return AuthorizationRegister.used(a.terms(), lines, l -> true);
    }

    private static String services(Authorization a) {
        return a.procedures().isEmpty() ? a.levelOfCare().label().toLowerCase() + " care"
                : String.join(", ", a.procedures());
    }

    private static String billedCodes(ClaimUnderCheck claim) {
        return String.join(", ", claim.services().stream()
                .map(s -> s.procedure() != null ? s.procedure() : s.revenueCode()).filter(Objects::nonNull)
                .distinct().toList());
    }

    private static String dates(ClaimUnderCheck claim) {
        var format = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy");
        return String.join(", ", claim.services().stream().map(BilledService::date).filter(Objects::nonNull).distinct()
                .sorted().map(format::format).toList());
    }

    private static String restriction(Authorization a) {
        return a.renderingNpi() != null && a.facilityNpi() != null
                ? "rendering provider NPI " + a.renderingNpi() + " at facility NPI " + a.facilityNpi()
                : a.renderingNpi() != null ? "rendering provider NPI " + a.renderingNpi()
                : "facility NPI " + a.facilityNpi();
    }
}
