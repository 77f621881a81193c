package org.overturn.remittance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.overturn.remittance.internal.RemittanceRepository;
import org.overturn.remittance.internal.StoredAdjustment;
import org.overturn.remittance.internal.StoredClaimPayment;
import org.overturn.remittance.internal.StoredRemark;
import org.overturn.remittance.internal.StoredRemittance;
import org.overturn.remittance.internal.StoredServiceLine;
import org.springframework.data.domain.PageRequest;
import java.util.Map;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.overturn.security.DenialAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stored remittances: the list, and one with every claim, line, adjustment and remark it carried. For billers,
 * managers and admins: a remittance names the patients of every claim in it, paid or denied. A Part 2 claim
 * (its stored flag) is shown to users without Part 2 access as its money only, and so are the balance problems
 * that name it.
 */
@RestController
@RequestMapping("/api/remittances")
@PreAuthorize("hasAnyRole('biller', 'manager', 'admin')")
class RemittanceController {

    private static final Pattern CLAIM_PROBLEM = Pattern.compile("^claim (\\d+) \\(PCN (.*?)\\)");

    private final RemittanceRepository remittances;
    private final PracticeAccess practiceAccess;
    private final Practices practices;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    RemittanceController(RemittanceRepository remittances, PracticeAccess practiceAccess, Practices practices,
                         org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.remittances = remittances;
        this.jdbc = jdbc;
        this.practiceAccess = practiceAccess;
        this.practices = practices;
    }

    /** {@code practice}: the practice the payee is (DESIGN section 3). */
    public record RemittanceRow(long id, long fileId, String fileName, Instant receivedAt, String payerName, String payerId,
                         String payeeName, String payeeId, String paymentMethod, BigDecimal paymentAmount,
                         LocalDate paymentDate, String trace, boolean balanced, PracticeRef practice) {
        static RemittanceRow of(StoredRemittance r, Map<Long, PracticeRef> practices) {
            return new RemittanceRow(r.getId(), r.getFile().getId(), r.getFile().getFileName(),
                    r.getFile().getReceivedAt(), r.getPayerName(), r.getPayerId(), r.getPayeeName(), r.getPayeeId(),
                    r.getPaymentMethod(), r.getPaymentAmount(), r.getPaymentDate(), r.getTraceNumber(),
                    r.isBalanced(), practices.get(r.getPracticeId()));
        }
    }

    /** {@code envelopeWarnings}: the trailer counts and control numbers that were wrong; they name no claim. */
    public record RemittanceDetail(RemittanceRow remittance, String controlNumber, String version,
                            List<String> balanceProblems, List<String> envelopeWarnings,
                            List<ProviderAdjustmentRow> providerAdjustments, List<ClaimRow> claims) {
    }

    public record ProviderAdjustmentRow(String providerId, LocalDate fiscalPeriodDate, String reason, String reference,
                                 BigDecimal amount) {
    }

    public record ClaimRow(long id, String patientControlNumber, String status, BigDecimal charge, BigDecimal paid,
                    BigDecimal patientResponsibility, String filingIndicator, String payerClaimControlNumber,
                    String patientName, String memberId, LocalDate statementFrom, LocalDate statementTo,
                    Long reversesClaimPaymentId, List<AdjustmentRow> adjustments, List<String> remarks,
                    List<LineRow> lines, String notADenial) {
    }

    /** {@code underpayment}: how far the line was paid below the practice's contract, in words; null when it was not. */
    public record LineRow(String procedure, List<String> modifiers, BigDecimal charge, BigDecimal paid, BigDecimal units,
                   LocalDate serviceDate, BigDecimal allowed, List<AdjustmentRow> adjustments, List<String> remarks,
                   String underpayment) {
    }

    public record AdjustmentRow(String level, String group, String reason, BigDecimal amount) {
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<RemittanceRow> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                             Authentication authentication) {
        Set<Long> mine = practiceAccess.practicesOf(CurrentUser.of(authentication));
        if (mine.isEmpty()) {
            return List.of();
        }
        Map<Long, PracticeRef> refs = practices.refs();
        return remittances.findLatestOf(mine, PageRequest.of(page, Math.min(size, 500)))
                .map(r -> RemittanceRow.of(r, refs)).getContent();
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    RemittanceDetail one(@PathVariable long id, Authentication authentication) {
        var r = remittances.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no remittance " + id));
        CurrentUser user = CurrentUser.of(authentication);
        practiceAccess.require(user, r.getPracticeId(), "remittance", id);
        boolean seesPart2 = user.seesPart2(); // the gate's rule for a record without queues
        Map<Long, String> underpaid = underpaidLines(id);
        return new RemittanceDetail(RemittanceRow.of(r, practices.refs()), r.getControlNumber(), r.getVersion(),
                seesPart2 ? r.getBalanceProblems() : withoutPart2(r.getBalanceProblems(), r.getClaims()),
                List.copyOf(r.getEnvelopeWarnings()),
                r.getProviderAdjustments().stream().map(p -> new ProviderAdjustmentRow(p.getProviderId(),
                        p.getFiscalPeriodDate(), p.getReasonCode(), p.getReference(), p.getAmount())).toList(),
                r.getClaims().stream()
                        .map(c -> !seesPart2 && c.isPart2() ? redacted(c) : claim(c, underpaid)).toList());
    }

    /** The lines of the remittance paid below contract, by service line id (the underpayment module's view). */
    private Map<Long, String> underpaidLines(long remittanceId) {
        Map<Long, String> lines = new java.util.HashMap<>();
        jdbc.query("select service_line_id, explanation from underpayment_report where remittance_id = ?",
                rs -> { lines.put(rs.getLong(1), rs.getString(2)); }, remittanceId);
        return lines;
    }

    /**
     * Balance problems as a user without Part 2 access may read them: one that names a Part 2 claim (by its
     * position in the payment, or its control number) keeps only that the claim does not balance.
     */
    static List<String> withoutPart2(List<String> problems, List<StoredClaimPayment> claims) {
        Set<Integer> positions = new HashSet<>();
        Set<String> controlNumbers = new HashSet<>();
        for (StoredClaimPayment c : claims) {
            if (c.isPart2()) {
                positions.add(c.getPosition());
                controlNumbers.add(c.getPatientControlNumber());
            }
        }
        if (positions.isEmpty()) {
            return problems;
        }
        return problems.stream().map(problem -> {
            Matcher claim = CLAIM_PROBLEM.matcher(problem);
            boolean named = claim.find();
            boolean restricted = named && (positions.contains(Integer.parseInt(claim.group(1)))
                    || controlNumbers.contains(claim.group(2)))
                    || controlNumbers.stream().anyMatch(pcn -> pcn != null && !pcn.isEmpty() && problem.contains(pcn));
            if (!restricted) {
                return problem;
            }
            return (named ? "claim " + claim.group(1) : "a claim") + ": does not balance (" + RESTRICTED + ")";
        }).toList();
    }

    /** A substance-use claim for a user without Part 2 access: the money, nothing about the patient or care. */
    private static ClaimRow redacted(StoredClaimPayment c) {
        return new ClaimRow(c.getId(), null, c.getStatus(), c.getCharge(), c.getPaid(), c.getPatientResponsibility(),
                c.getFilingIndicator(), null, RESTRICTED, null, null, null, null, List.of(),
                List.of(), List.of(), c.getNotADenial());
    }

    private static final String RESTRICTED = DenialAccess.RESTRICTED;

    private static ClaimRow claim(StoredClaimPayment c, Map<Long, String> underpaid) {
        String name = c.getPatientLastName() == null ? null
                : c.getPatientLastName() + (c.getPatientFirstName() == null ? "" : ", " + c.getPatientFirstName());
        return new ClaimRow(c.getId(), c.getPatientControlNumber(), c.getStatus(), c.getCharge(), c.getPaid(),
                c.getPatientResponsibility(), c.getFilingIndicator(), c.getPayerClaimControlNumber(), name,
                c.getMemberId(), c.getStatementFrom(), c.getStatementTo(),
                c.getReverses() == null ? null : c.getReverses().getId(),
                c.getAdjustments().stream().filter(a -> a.getServiceLine() == null)
                        .map(RemittanceController::adjustment).toList(),
                c.getRemarks().stream().filter(m -> m.getServiceLine() == null).map(StoredRemark::getCode).toList(),
                c.getLines().stream().map(l -> line(c, l, underpaid.get(l.getId()))).toList(), c.getNotADenial());
    }

    private static LineRow line(StoredClaimPayment c, StoredServiceLine l, String underpayment) {
        return new LineRow(l.getProcedureCode(),
                l.getModifiers() == null ? List.of() : List.of(l.getModifiers().split(":")),
                l.getCharge(), l.getPaid(), l.getUnits(), l.getServiceDate(), l.getAllowed(),
                c.getAdjustments().stream().filter(a -> sameLine(a.getServiceLine(), l))
                        .map(RemittanceController::adjustment).toList(),
                c.getRemarks().stream().filter(m -> sameLine(m.getServiceLine(), l)).map(StoredRemark::getCode).toList(),
                underpayment);
    }

    private static boolean sameLine(StoredServiceLine candidate, StoredServiceLine line) {
        return candidate != null && candidate.getId().equals(line.getId());
    }

    private static AdjustmentRow adjustment(StoredAdjustment a) {
        return new AdjustmentRow(a.getLevel(), a.getGroupCode(), a.getReasonCode(), a.getAmount());
    }
}
