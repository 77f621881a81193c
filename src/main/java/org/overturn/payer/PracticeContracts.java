package org.overturn.payer;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each practice's own terms with its payers ({@link PracticePayerTerms}) and its contracted rates. The payer directory
 * applies them where a denial's practice has them; the rates say what a line should have been allowed.
 */
@Service
public class PracticeContracts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PracticeContracts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The practice's terms with the payer; empty when it has none of its own. */
    @Transactional(readOnly = true)
    public Optional<PracticePayerTerms> find(long practiceId, String payerId) {
        if (payerId == null) {
            return Optional.empty();
        }
        Map<String, Optional<PracticePayerTerms>> read = readInThisTransaction();
        if (read == null) {
            return read(practiceId, payerId);
        }
        return read.computeIfAbsent(practiceId + "\u0000" + payerId, key -> read(practiceId, payerId));
    }

    /**
     * The terms read so far in the caller's transaction, by practice and payer, or null outside one: a file's
     * thousands of denials each asked three times for the same few practices' terms (a query each, the largest share
     * of the statements a denial cost). A save in the same transaction forgets what it changes; a transaction nested
     * in it (REQUIRES_NEW) reads for itself, and what others commit is seen from the next transaction on.
     */
    private Map<String, Optional<PracticePayerTerms>> readInThisTransaction() {
        Object transaction = jdbc.getDataSource() == null ? null
                : TransactionSynchronizationManager.getResource(jdbc.getDataSource());
        if (transaction == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        var read = (TermsRead) TransactionSynchronizationManager.getResource(this);
        if (read == null) {
            TermsRead fresh = new TermsRead(transaction, new HashMap<>());
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PracticeContracts.this);
                }
            });
            read = fresh;
        }
        return read.transaction() == transaction ? read.terms() : null;
    }

    /** What a transaction (its connection) read. */
    private record TermsRead(Object transaction, Map<String, Optional<PracticePayerTerms>> terms) {
    }

    private Optional<PracticePayerTerms> read(long practiceId, String payerId) {
        return jdbc.query("select * from practice_payer_terms where practice_id = ? and payer_id = ?",
                (rs, i) -> new PracticePayerTerms(practiceId, payerId, (Integer) rs.getObject("appeal_limit_days"),
                        (Integer) rs.getObject("second_level_appeal_limit_days"),
                        (Integer) rs.getObject("third_level_appeal_limit_days"),
                        (Integer) rs.getObject("timely_filing_days"),
                        rs.getString("corrected_claim_clock") == null ? null
                                : CorrectedClaimClock.valueOf(rs.getString("corrected_claim_clock")),
                        (Integer) rs.getObject("provider_dispute_days"), rates(practiceId, payerId),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")),
                practiceId, payerId).stream().findFirst();
    }

    /** Every payer the practice has terms of its own with, by payer id. */
    @Transactional(readOnly = true)
    public List<PracticePayerTerms> ofPractice(long practiceId) {
        return jdbc.queryForList("select payer_id from practice_payer_terms where practice_id = ? order by payer_id",
                String.class, practiceId).stream().map(payer -> find(practiceId, payer).orElseThrow()).toList();
    }

    /**
     * The allowed amount the practice's contract sets for the code on the date of service: the rate in force then
     * (the latest one effective on or before it); empty when the contract names no rate for it.
     */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> rateOn(long practiceId, String payerId, String procedureCode, LocalDate serviceDate) {
        return rateOn(practiceId, payerId, procedureCode, List.of(), serviceDate);
    }

    /**
     * As {@link #rateOn(long, String, String, LocalDate)} for a line billed with these modifiers: a rate for the code
     * with one of them comes before the code's rate for any modifier (the more specific term of the contract).
     */
    @Transactional(readOnly = true)
    public Optional<BigDecimal> rateOn(long practiceId, String payerId, String procedureCode, List<String> modifiers,
                                       LocalDate serviceDate) {
        if (payerId == null || procedureCode == null || serviceDate == null) {
            return Optional.empty();
        }
        String[] named = modifiers.stream().filter(m -> m != null && !m.isBlank())
                .map(m -> m.strip().toUpperCase()).toArray(String[]::new);
        return jdbc.queryForList("""
                select allowed_amount from practice_contracted_rate
                 where practice_id = ? and payer_id = ? and procedure_code = ? and effective_from <= ?
                   and (modifier = '' or modifier = any (?))
                 order by (modifier <> '') desc, effective_from desc limit 1""", BigDecimal.class, practiceId, payerId,
                procedureCode.trim().toUpperCase(), Date.valueOf(serviceDate), named).stream().findFirst();
    }

    /** Whether the practice's contract with the payer names any rate: what makes its 835s worth comparing. */
    @Transactional(readOnly = true)
    public boolean hasRates(long practiceId, String payerId) {
        return payerId != null && Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from practice_contracted_rate where practice_id = ? and payer_id = ?)""",
                Boolean.class, practiceId, payerId));
    }

    /**
     * Replaces the practice's terms with the payer (every field and every rate): all-null fields and no rates remove
     * them. {@link InvalidTerms} (400) for a limit below one day or an incomplete or repeated rate; the practice and
     * payer must exist (the caller checks the practice, the database both).
     */
    @Transactional
    public PracticePayerTerms save(PracticePayerTerms terms, String by) {
        validate(terms);
        long practiceId = terms.practiceId();
        String payerId = terms.payerId();
        Map<String, Optional<PracticePayerTerms>> read = readInThisTransaction();
        if (read != null) {
            read.remove(practiceId + "\u0000" + payerId);
        }
        jdbc.update("delete from practice_payer_terms where practice_id = ? and payer_id = ?", practiceId, payerId);
        boolean empty = terms.appealLimitDays() == null && terms.secondLevelAppealLimitDays() == null
                && terms.thirdLevelAppealLimitDays() == null && terms.timelyFilingDays() == null
                && terms.correctedClaimClock() == null && terms.providerDisputeDays() == null
                && terms.contractedRates().isEmpty();
        if (empty) {
            return PracticePayerTerms.none(practiceId, payerId);
        }
        jdbc.update("""
                insert into practice_payer_terms (practice_id, payer_id, appeal_limit_days,
                    second_level_appeal_limit_days, third_level_appeal_limit_days, timely_filing_days,
                    corrected_claim_clock, provider_dispute_days, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", practiceId, payerId, terms.appealLimitDays(),
                terms.secondLevelAppealLimitDays(), terms.thirdLevelAppealLimitDays(), terms.timelyFilingDays(),
                terms.correctedClaimClock() == null ? null : terms.correctedClaimClock().name(),
                terms.providerDisputeDays(), Timestamp.from(clock.instant()), by);
        for (ContractedRate rate : terms.contractedRates()) {
            jdbc.update("""
                    insert into practice_contracted_rate (practice_id, payer_id, procedure_code, modifier,
                        effective_from, allowed_amount) values (?, ?, ?, ?, ?, ?)""", practiceId, payerId,
                    rate.procedureCode().trim().toUpperCase(), rate.modifier() == null ? "" : rate.modifier(),
                    Date.valueOf(rate.effectiveFrom()), rate.allowedAmount());
        }
        return find(practiceId, payerId).orElseThrow();
    }

    /** One contracted rate with the payer it is agreed with, as the practice's page lists them. */
    public record PayerRate(String payerId, ContractedRate rate) {
    }

    /** Whether a practice with this id exists (pending ones too). */
    @Transactional(readOnly = true)
    public boolean practiceExists(long practiceId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from practice_report where id = ?)",
                Boolean.class, practiceId));
    }

    /** Every contracted rate of the practice, by payer, code, modifier and date. */
    @Transactional(readOnly = true)
    public List<PayerRate> ratesOf(long practiceId) {
        return jdbc.query("""
                select payer_id, procedure_code, modifier, allowed_amount, effective_from from practice_contracted_rate
                 where practice_id = ? order by payer_id, procedure_code, modifier, effective_from""",
                (rs, i) -> new PayerRate(rs.getString("payer_id"), new ContractedRate(rs.getString("procedure_code"),
                        rs.getBigDecimal("allowed_amount"), rs.getDate("effective_from").toLocalDate(),
                        rs.getString("modifier"))), practiceId);
    }

    /** Sets the practice's appeal window and timely-filing limit with the payer (null: the directory's), rates kept. */
    @Transactional
    public PracticePayerTerms setLimits(long practiceId, String payerId, Integer appealLimitDays,
                                        Integer timelyFilingDays, String by) {
        requirePayer(payerId, "payerId");
        PracticePayerTerms t = find(practiceId, payerId).orElse(PracticePayerTerms.none(practiceId, payerId));
        return save(new PracticePayerTerms(practiceId, payerId, appealLimitDays, t.secondLevelAppealLimitDays(),
                t.thirdLevelAppealLimitDays(), timelyFilingDays, t.correctedClaimClock(), t.providerDisputeDays(),
                t.contractedRates(), null, null), by);
    }

    /** Adds a rate, or changes the amount of the one for the same code, modifier and date. */
    @Transactional
    public PracticePayerTerms putRate(long practiceId, String payerId, ContractedRate rate, String by) {
        requirePayer(payerId, "payerId");
        PracticePayerTerms t = find(practiceId, payerId).orElse(PracticePayerTerms.none(practiceId, payerId));
        List<ContractedRate> rates = new ArrayList<>(t.contractedRates());
        rates.removeIf(r -> sameKey(r, rate));
        rates.add(rate);
        return save(withRates(t, rates), by);
    }

    /** Removes the rate for the code, modifier (null: none) and date; false when there was none. */
    @Transactional
    public boolean removeRate(long practiceId, String payerId, ContractedRate key, String by) {
        var t = find(practiceId, payerId);
        if (t.isEmpty()) {
            return false;
        }
        List<ContractedRate> rates = new ArrayList<>(t.get().contractedRates());
        if (!rates.removeIf(r -> sameKey(r, key))) {
            return false;
        }
        save(withRates(t.get(), rates), by);
        return true;
    }

    /**
     * Imports rates from CSV text with a header row naming the columns {@code payerId}, {@code procedureCode},
     * {@code effectiveFrom} (YYYY-MM-DD or MM/DD/YYYY), {@code allowedAmount} and optionally {@code modifier}, in any
     * order. Each row adds a rate or changes the one for the same payer, code, modifier and date. All rows or none:
     * {@link InvalidTerms} names each bad row and column.
     *
     * @return the number of rows imported
     */
    @Transactional
    public int importRates(long practiceId, String csv, String by) {
        List<PayerRate> rows = RateCsv.read(csv, this::payerExists);
        for (PayerRate row : rows) {
            putRate(practiceId, row.payerId(), row.rate(), by);
        }
        return rows.size();
    }

    private boolean payerExists(String payerId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from payer where id = ?)",
                Boolean.class, payerId));
    }

    private void requirePayer(String payerId, String field) {
        if (payerId == null || payerId.isBlank() || !payerExists(payerId)) {
            throw new InvalidTerms(Map.of(field, "Choose a payer of the directory"));
        }
    }

    private static boolean sameKey(ContractedRate a, ContractedRate b) {
        return java.util.Objects.equals(code(a), code(b)) && java.util.Objects.equals(a.modifier(), b.modifier())
                && java.util.Objects.equals(a.effectiveFrom(), b.effectiveFrom());
    }

    private static String code(ContractedRate r) {
        return r.procedureCode() == null ? null : r.procedureCode().trim().toUpperCase();
    }

    private static PracticePayerTerms withRates(PracticePayerTerms t, List<ContractedRate> rates) {
        return new PracticePayerTerms(t.practiceId(), t.payerId(), t.appealLimitDays(),
                t.secondLevelAppealLimitDays(), t.thirdLevelAppealLimitDays(), t.timelyFilingDays(),
                t.correctedClaimClock(), t.providerDisputeDays(), rates, null, null);
    }

    private List<ContractedRate> rates(long practiceId, String payerId) {
        return jdbc.query("""
                select procedure_code, modifier, allowed_amount, effective_from from practice_contracted_rate
                 where practice_id = ? and payer_id = ? order by procedure_code, modifier, effective_from""",
                (rs, i) -> new ContractedRate(rs.getString("procedure_code"), rs.getBigDecimal("allowed_amount"),
                        rs.getDate("effective_from").toLocalDate(), rs.getString("modifier")), practiceId, payerId);
    }

    private static void validate(PracticePayerTerms t) {
        Map<String, String> errors = new LinkedHashMap<>();
        positive(errors, "appealLimitDays", t.appealLimitDays());
        positive(errors, "secondLevelAppealLimitDays", t.secondLevelAppealLimitDays());
        positive(errors, "thirdLevelAppealLimitDays", t.thirdLevelAppealLimitDays());
        positive(errors, "timelyFilingDays", t.timelyFilingDays());
        positive(errors, "providerDisputeDays", t.providerDisputeDays());
        Set<String> seen = new HashSet<>();
        List<ContractedRate> rates = new ArrayList<>(t.contractedRates());
        for (int i = 0; i < rates.size(); i++) {
            ContractedRate r = rates.get(i);
            String field = "contractedRates[" + i + "]";
            if (r.procedureCode() == null || !r.procedureCode().trim().matches("[A-Za-z0-9]{5}")) {
                errors.put(field + ".procedureCode", "Enter a five-character CPT or HCPCS code");
            } else if (r.effectiveFrom() != null && !seen.add(r.procedureCode().trim().toUpperCase() + "-"
                    + r.modifier() + "@" + r.effectiveFrom())) {
                errors.put(field, "The code already has a rate from that date");
            }
            if (r.modifier() != null && !r.modifier().matches("[A-Z0-9]{2}")) {
                errors.put(field + ".modifier", "A modifier is two letters or digits (or leave it empty)");
            }
            if (r.allowedAmount() == null || r.allowedAmount().signum() < 0) {
                errors.put(field + ".allowedAmount", "Enter the allowed amount (zero or more)");
            }
            if (r.effectiveFrom() == null) {
                errors.put(field + ".effectiveFrom", "Enter the date the rate applies from");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTerms(errors);
        }
    }

    private static void positive(Map<String, String> errors, String field, Integer days) {
        if (days != null && days < 1) {
            errors.put(field, "A limit is at least one day");
        }
    }
}
