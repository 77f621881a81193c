package org.overturn.denial;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.overturn.authorization.AuthorizationCheck;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.remittance.ClaimRecords;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the authorization register finds for an authorization denial, checked with the claim as billed (the 837 on
 * file), or with the claim as the 835 repeats it when no 837 is on file. Other denials have no finding.
 */
@Service
public class DenialAuthorizations {

    private final BilledClaims billedClaims;
    private final ClaimRecords claimRecords;
    private final AuthorizationCheck check;

    DenialAuthorizations(BilledClaims billedClaims, ClaimRecords claimRecords, AuthorizationCheck check) {
        this.billedClaims = billedClaims;
        this.claimRecords = claimRecords;
        this.check = check;
    }

    @Transactional(readOnly = true)
    public Optional<AuthorizationCheck.Result> findingOf(DenialView denial) {
        if (denial.rootCause() != RootCause.AUTHORIZATION) {
            return Optional.empty();
        }
        return claimOf(denial).map(check::check);
    }

    /**
     * The denied claim as the register sees it: as billed (the 837 on file), else as the 835 repeats it; of the
     * denial's practice (its remittance's), whose authorizations alone it is checked against.
     */
    @Transactional(readOnly = true)
    public Optional<AuthorizationCheck.ClaimUnderCheck> claimOf(DenialView denial) {
        long practice = claimRecords.practiceOf(denial.claimPaymentId());
        var billed = billedClaims.of(denial.claimPaymentId(), denial.payerId());
        if (billed.isPresent()) {
            return Optional.of(asBilled(denial, billed.get().stored().claim(), practice));
        }
        return claimRecords.find(denial.claimPaymentId()).map(claim -> asPaid(denial, claim, practice));
    }

    /**
     * The finding as this user may see it: a substance-use (Part 2) authorization behind a denial that is not itself
     * Part 2 is named only to users with Part 2 access.
     */
    @Transactional(readOnly = true)
    public Optional<AuthorizationCheck.Result> findingFor(DenialView denial, CurrentUser user) {
        return findingOf(denial).map(r -> r.authorization() != null && r.authorization().part2() && !user.seesPart2()
                ? new AuthorizationCheck.Result(r.finding(), null, DenialAccess.RESTRICTED) : r);
    }

    private static AuthorizationCheck.ClaimUnderCheck asBilled(DenialView denial, BilledClaim claim, long practice) {
        String member = claim.subscriber() != null && claim.subscriber().memberId() != null
                ? claim.subscriber().memberId() : claim.patient() == null ? null : claim.patient().memberId();
        String rendering = claim.renderedBy() == null ? null : claim.renderedBy().npi();
        List<AuthorizationCheck.BilledService> services = new ArrayList<>();
        for (BilledLine line : claim.lines()) {
            services.add(new AuthorizationCheck.BilledService(
                    line.serviceDate() != null ? line.serviceDate() : claim.statementFrom(), line.procedure(),
                    line.revenueCode(), line.units(), line.renderingNpi()));
        }
        String number = claim.priorAuthorization() != null ? claim.priorAuthorization()
                : claim.lines().stream().map(BilledLine::priorAuthorization).filter(n -> n != null).findFirst()
                        .orElse(null);
        return new AuthorizationCheck.ClaimUnderCheck(member, payerIds(denial.payerId(),
                claim.payer() == null ? null : claim.payer().id()), claim.patientControlNumber(), number, rendering,
                claim.billingProvider() == null ? null : claim.billingProvider().npi(), services, practice);
    }

    private static AuthorizationCheck.ClaimUnderCheck asPaid(DenialView denial, ClaimRecords.ClaimRecord claim,
                                                            long practice) {
        List<AuthorizationCheck.BilledService> services = claim.lines().stream().map(l -> new AuthorizationCheck.BilledService(
                l.serviceDate() != null ? l.serviceDate() : claim.firstServiceDate(), l.procedure(), l.revenueCode(),
                l.units(), null)).toList();
        String facility = claim.payeeId() != null && claim.payeeId().matches("\\d{10}") ? claim.payeeId() : null;
        return new AuthorizationCheck.ClaimUnderCheck(claim.memberId(), payerIds(denial.payerId(), null),
                claim.patientControlNumber(), null, claim.renderingProviderNpi() != null
                ? claim.renderingProviderNpi() : facility, facility, services, practice);
    }

    private static Set<String> payerIds(String... ids) {
        Set<String> set = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null) {
                set.add(id);
            }
        }
        return set;
    }
}
