package org.overturn.denial;

import jakarta.persistence.criteria.Predicate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.overturn.denial.internal.Denial;
import org.overturn.denial.internal.DenialRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.format.annotation.DateTimeFormat;
import org.overturn.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/denials}: denials filtered by payer, root cause, queue, kind, status and remittance date. */
@RestController
@RequestMapping("/api/denials")
class DenialController {

    private final DenialRepository denials;

    DenialController(DenialRepository denials) {
        this.denials = denials;
    }

    record DenialRow(long id, long claimPaymentId, String patientControlNumber, String payerId, String payerName,
                     DenialKind kind, String primaryReason, RootCause rootCause, String queue, boolean correctable,
                     boolean appealable, String explanation, BigDecimal amountAtRisk, DenialStatus status,
                     boolean part2, LocalDate remittanceDate, Instant detectedAt) {
        /** What a user without Part 2 access sees of a substance-use denial: that it exists, and its money. */
        static DenialRow redacted(Denial d) {
            return new DenialRow(d.getId(), d.getClaimPaymentId(), null, null, null, d.getKind(), null, null,
                    d.getQueue(), d.isCorrectable(), d.isAppealable(), RESTRICTED, d.getAmountAtRisk(), d.getStatus(),
                    true, d.getRemittanceDate(), d.getDetectedAt());
        }

        static DenialRow of(Denial d, CurrentUser user) {
            return d.isPart2() && !user.seesPart2() ? redacted(d) : of(d);
        }

        static DenialRow of(Denial d) {
            return new DenialRow(d.getId(), d.getClaimPaymentId(), d.getPatientControlNumber(), d.getPayerId(),
                    d.getPayerName(), d.getKind(), d.getPrimaryReason(), d.getRootCause(), d.getQueue(),
                    d.isCorrectable(), d.isAppealable(), d.getExplanation(), d.getAmountAtRisk(), d.getStatus(),
                    d.isPart2(), d.getRemittanceDate(), d.getDetectedAt());
        }
    }

    static final String RESTRICTED = "Restricted: substance-use record (42 CFR Part 2)";

    record DenialPage(List<DenialRow> content, int page, int size, long totalElements, int totalPages) {
        static DenialPage of(Page<DenialRow> page) {
            return new DenialPage(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                    page.getTotalPages());
        }
    }

    @GetMapping
    DenialPage search(@RequestParam(required = false) String payer,
                      @RequestParam(required = false) RootCause rootCause,
                      @RequestParam(required = false) String queue,
                      @RequestParam(required = false) DenialKind kind,
                      @RequestParam(required = false) DenialStatus status,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size,
                      Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Specification<Denial> filter = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (payer != null && !payer.isBlank()) {
                where.add(cb.or(cb.equal(root.get("payerId"), payer), cb.equal(root.get("payerName"), payer)));
            }
            if (rootCause != null) {
                where.add(cb.equal(root.get("rootCause"), rootCause));
            }
            if (queue != null && !queue.isBlank()) {
                where.add(cb.equal(root.get("queue"), queue));
            }
            if (kind != null) {
                where.add(cb.equal(root.get("kind"), kind));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("remittanceDate"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(root.get("remittanceDate"), to));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        var pageable = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500), Sort.by(Sort.Direction.DESC, "id"));
        return DenialPage.of(denials.findAll(filter, pageable).map(d -> DenialRow.of(d, user)));
    }

    @GetMapping("/{id}")
    DenialRow one(@PathVariable long id, Authentication authentication) {
        Denial denial = denials.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no denial " + id));
        if (denial.isPart2() && !CurrentUser.of(authentication).seesPart2()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, RESTRICTED);
        }
        return DenialRow.of(denial);
    }
}
