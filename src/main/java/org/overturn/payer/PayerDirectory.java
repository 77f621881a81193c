package org.overturn.payer;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.overturn.payer.internal.Payer;
import org.overturn.payer.internal.PayerRepository;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Looks payers up, creating the ones an 835 introduces with the default terms of their plan type. */
@Service
public class PayerDirectory {

    private static final Sort BY_NAME = Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"));

    private final PayerRepository payers;
    private final PayerTerms terms;
    private final TimelyFilingTerms filingTerms;
    private final PracticeContracts contracts;
    private final Clock clock;

    private final TransactionTemplate ownTransaction;

    PayerDirectory(PayerRepository payers, PayerTerms terms, TimelyFilingTerms filingTerms,
                   PracticeContracts contracts, Clock clock, PlatformTransactionManager transactions) {
        this.contracts = contracts;
        this.payers = payers;
        this.terms = terms;
        this.filingTerms = filingTerms;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The payer's appeal limit in days; a payer without an id gets the default of the claim's plan type. */
    @Transactional
    public int appealLimitDays(String payerId, String payerName, String filingIndicator) {
        PlanType type = PlanType.fromFilingIndicator(filingIndicator);
        if (payerId == null || payerId.isBlank()) {
            return terms.appealLimitDays(type);
        }
        return payers.findById(payerId).or(() -> introduce(payerId, payerName, type))
                .orElseThrow(() -> new IllegalStateException("payer " + payerId + " was just added"))
                .getAppealLimitDays();
    }

    /**
     * A payer an 835 introduces is added and committed on its own, at once, rather than with the file: two files
     * from the same new payers stored at the same time (two uploads, two servers) would otherwise wait on each
     * other's uncommitted payer rows until one deadlocks or fails on the primary key (seen with two servers
     * ingesting side by side). A file that then fails leaves the payer behind, flagged for review as usual.
     */
    private Optional<Payer> introduce(String payerId, String payerName, PlanType type) {
        ownTransaction.executeWithoutResult(tx -> payers.introduce(payerId, payerName, type.name(),
                terms.appealLimitDays(type), filingTerms.timelyFilingDays(type), clock.instant()));
        return payers.findById(payerId);
    }

    /** The payer's timely-filing limit in days from the date of service; its plan type's default when unknown. */
    @Transactional(readOnly = true)
    public int timelyFilingDays(String payerId, String filingIndicator) {
        return (payerId == null ? Optional.<Payer>empty() : payers.findById(payerId))
                .map(p -> p.toProfile().timelyFilingDays())
                .orElseGet(() -> filingTerms.timelyFilingDays(PlanType.fromFilingIndicator(filingIndicator)));
    }

    /** The days the directory gives this payer to answer a claim before a 276 asks; empty when it says none. */
    @Transactional(readOnly = true)
    public Optional<Integer> claimStatusDays(String payerId) {
        return payerId == null ? Optional.empty()
                : payers.findById(payerId).map(p -> p.toProfile().claimStatusDays());
    }

    @Transactional(readOnly = true)
    public Optional<PlanType> planType(String payerId) {
        return payerId == null ? Optional.empty() : payers.findById(payerId).map(Payer::getPlanType);
    }

    @Transactional(readOnly = true)
    public Optional<PayerProfile> profile(String payerId) {
        return payerId == null ? Optional.empty() : payers.findById(payerId).map(Payer::toProfile);
    }

    /** The payer's appeal route; {@link PayerAppealTerms#NONE} for a payer not on file. */
    @Transactional(readOnly = true)
    public PayerAppealTerms appealTerms(String payerId) {
        return (payerId == null ? Optional.<Payer>empty() : payers.findById(payerId)).map(Payer::appealTerms)
                .orElse(PayerAppealTerms.NONE);
    }

    /** Sets the payer's appeal route; empty when the payer is not on file. */
    @Transactional
    public Optional<PayerAppealTerms> routeAppeals(String payerId, PayerAppealTerms terms, String by) {
        return payers.findById(payerId).map(payer -> {
            payer.route(terms, clock.instant(), by);
            return payer.appealTerms();
        });
    }

    /**
     * The payer's level-1 appeal limit for a denial of this practice: the practice's own when its contract sets one,
     * else the directory's (introducing a payer first met, as {@link #appealLimitDays(String, String, String)}).
     */
    @Transactional
    public int appealLimitDays(String payerId, String payerName, String filingIndicator, long practiceId) {
        int directory = appealLimitDays(payerId, payerName, filingIndicator);
        return contracts.find(practiceId, payerId).map(PracticePayerTerms::appealLimitDays).orElse(directory);
    }

    /** The payer's profile as it applies to this practice: the practice's own limits where it has them. */
    @Transactional(readOnly = true)
    public Optional<PayerProfile> profile(String payerId, long practiceId) {
        return profile(payerId).map(p -> contracts.find(practiceId, payerId).map(t -> t.over(p)).orElse(p));
    }

    /** The payer's appeal route as it applies to this practice: its own dispute window and corrected-claim clock. */
    @Transactional(readOnly = true)
    public PayerAppealTerms appealTerms(String payerId, long practiceId) {
        PayerAppealTerms directory = appealTerms(payerId);
        return contracts.find(practiceId, payerId).map(t -> t.over(directory)).orElse(directory);
    }

    /** The payer's timely-filing limit for this practice's claims: the practice's own when it has one. */
    @Transactional(readOnly = true)
    public int timelyFilingDays(String payerId, long practiceId, String filingIndicator) {
        return contracts.find(practiceId, payerId).map(PracticePayerTerms::timelyFilingDays)
                .orElseGet(() -> timelyFilingDays(payerId, filingIndicator));
    }

    /** Every payer, by name. */
    @Transactional(readOnly = true)
    public List<PayerProfile> all() {
        return payers.findAll(BY_NAME).stream().map(Payer::toProfile).toList();
    }

    /** A payer with who last confirmed it and when: what the directory's pages and export show. */
    record Entry(PayerProfile profile, Instant createdAt, Instant updatedAt, String updatedBy) {
    }

    @Transactional(readOnly = true)
    List<Entry> entries() {
        return payers.findAll(BY_NAME).stream().map(PayerDirectory::entry).toList();
    }

    @Transactional(readOnly = true)
    Optional<Entry> entry(String payerId) {
        return payers.findById(payerId).map(PayerDirectory::entry);
    }

    /** A payer before and after a save; {@code before} is null for a new one. */
    record Saved(PayerProfile before, PayerProfile after) {

        boolean created() {
            return before == null;
        }

        /** What the save changed, by field name; a payer that needed review was confirmed even when unchanged. */
        List<String> changes() {
            List<String> changed = new ArrayList<>();
            if (before == null) {
                return changed;
            }
            for (RecordComponent component : PayerProfile.class.getRecordComponents()) {
                if (!component.getName().equals("needsReview")
                        && !Objects.equals(read(component, before), read(component, after))) {
                    changed.add(component.getName());
                }
            }
            return changed;
        }

        private static Object read(RecordComponent component, PayerProfile profile) {
            try {
                return component.getAccessor().invoke(profile);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Creates or replaces each payer with the given terms, confirmed by {@code by}: all of them or none. */
    @Transactional
    List<Saved> confirm(Collection<PayerProfile> profiles, String by) {
        Instant now = clock.instant();
        Map<String, Payer> existing = payers.findAllById(profiles.stream().map(PayerProfile::id).toList()).stream()
                .collect(Collectors.toMap(Payer::getId, Function.identity()));
        List<Saved> saved = new ArrayList<>(profiles.size());
        for (PayerProfile profile : profiles) {
            Payer payer = existing.get(profile.id());
            if (payer == null) {
                payer = payers.save(new Payer(profile, now, by));
                saved.add(new Saved(null, payer.toProfile()));
            } else {
                PayerProfile before = payer.toProfile();
                payer.confirm(profile, now, by);
                saved.add(new Saved(before, payer.toProfile()));
            }
        }
        return saved;
    }

    private static Entry entry(Payer payer) {
        return new Entry(payer.toProfile(), payer.getCreatedAt(), payer.getUpdatedAt(), payer.getUpdatedBy());
    }
}
