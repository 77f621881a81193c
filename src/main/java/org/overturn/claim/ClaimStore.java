package org.overturn.claim;

import org.overturn.practice.Practices;
import java.util.IdentityHashMap;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.overturn.claim.internal.ClaimDocuments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores 837 files and their acknowledgements once. A file already on file (same SHA-256) is not stored again, and
 * within a new file a claim already on file from the same submission (the same batch sent again in another layout)
 * is skipped; a resubmission (another batch or day) is a claim of its own.
 */
@Service
public class ClaimStore {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Practices practices;

    ClaimStore(JdbcTemplate jdbc, Clock clock, Practices practices) {
        this.practices = practices;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The id of the claim or acknowledgement file stored with this content hash, if any. */
    @Transactional(readOnly = true)
    public Optional<Long> findFileByHash(String sha256) {
        return jdbc.queryForList("select id from claim_file where sha256 = ?", Long.class, sha256).stream().findFirst();
    }

    /**
     * Writes the file and its new claims with their lines, inside the caller's transaction.
     *
     * @throws AlreadyOnFile when a concurrent arrival of the same bytes stored them first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredClaimFile store(ClaimFileReceipt receipt, ClaimFile parsed) {
        List<PendingClaim> pending = new ArrayList<>();
        Set<String> batches = new TreeSet<>();
        for (ClaimTransaction transaction : parsed.transactions()) {
            batches.add(batchKey(transaction));
            for (BilledClaim claim : transaction.claims()) {
                String document = ClaimDocuments.write(claim);
                pending.add(new PendingClaim(transaction, claim, document, identity(transaction, document)));
            }
        }
        lock("file|" + receipt.sha256(), batches);
        long fileId = newFile(receipt, parsed.kind() == null ? "837" : parsed.kind().label());
        Set<String> onFile = existingIdentities(pending);
        Set<String> seen = new HashSet<>();
        List<PendingClaim> fresh = new ArrayList<>();
        int duplicates = 0;
        for (PendingClaim claim : pending) {
            if (onFile.contains(claim.identity()) || !seen.add(claim.identity())) {
                duplicates++;
            } else {
                fresh.add(claim);
            }
        }
        List<Long> ids = nextIds("billed_claim_id_seq", fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).id = ids.get(i);
        }
        insertClaims(fileId, fresh);
        insertLines(fresh);
        jdbc.update("update claim_file set claims = ?, duplicate_claims = ? where id = ?", fresh.size(), duplicates,
                fileId);
        return new StoredClaimFile(fileId, ids, duplicates);
    }

    /**
     * Writes a 999's or 277CA's answers, each joined to the claim on file it answers when one is found: a 277CA by
     * CLM01, charge and date (the latest claim sent before the answer), a 999 by the group and set control numbers
     * of the 837 it acknowledges.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredAcknowledgements store(ClaimFileReceipt receipt, AcknowledgementFile parsed) {
        lock("file|" + receipt.sha256(), Set.of());
        long fileId = newFile(receipt, parsed.kind());
        int answers = 0;
        int joined = 0;
        int rejected = 0;
        for (ClaimAcknowledgement ack : parsed.claims()) {
            Long claimId = claimAnsweredBy277(ack);
            jdbc.update("""
                    insert into claim_acknowledgement (claim_file_id, billed_claim_id, kind, patient_control_number,
                        payer_claim_control_number, category, status, accepted, status_date, billed_amount, reference,
                        source_name)
                    values (?, ?, '277CA', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, fileId, claimId, ack.patientControlNumber(), ack.payerClaimControlNumber(), ack.category(),
                    truncate(ack.status() + (ack.entity() == null ? "" : ":" + ack.entity()), 30), ack.accepted(),
                    date(ack.statusDate() != null ? ack.statusDate() : ack.reportDate()), ack.billedAmount(),
                    truncate(ack.reference(), 50), truncate(ack.informationSource(), 60));
            answers++;
            joined += claimId == null ? 0 : 1;
            rejected += ack.accepted() ? 0 : 1;
        }
        for (FunctionalAcknowledgement group : parsed.functional()) {
            for (TransactionSetAcknowledgement set : group.transactionSets()) {
                List<Object[]> claims = jdbc.query("""
                        select id, patient_control_number from billed_claim
                         where group_control_number = ? and transaction_control_number = ?
                           and (?::date is null or submitted_on <= ?::date)
                         order by submitted_on desc nulls last, id desc
                        """, (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, group.groupControlNumber(),
                        set.controlNumber(), date(group.createdOn()), date(group.createdOn()));
                Set<Long> latestFile = claimsOfLatestFile(claims);
                String detail = set.errors().isEmpty() ? null : String.join("\n", set.errors());
                if (latestFile.isEmpty()) {
                    insert999(fileId, null, null, group, set, set.accepted(), detail);
                    answers++;
                    rejected += set.accepted() ? 0 : 1;
                    continue;
                }
                for (Object[] claim : claims) {
                    if (!latestFile.contains((Long) claim[0])) {
                        continue;
                    }
                    String pcn = (String) claim[1];
                    boolean accepted = set.accepted() && !set.claimIds().contains(pcn);
                    insert999(fileId, (Long) claim[0], pcn, group, set, accepted, detail);
                    answers++;
                    joined++;
                    rejected += accepted ? 0 : 1;
                }
            }
        }
        jdbc.update("update claim_file set claims = ? where id = ?", answers, fileId);
        return new StoredAcknowledgements(fileId, answers, joined, rejected);
    }

    /** The same control numbers can come back in a later batch: the claims of the most recent file that used them. */
    private Set<Long> claimsOfLatestFile(List<Object[]> claims) {
        if (claims.isEmpty()) {
            return Set.of();
        }
        Long newest = (Long) claims.get(0)[0];
        Long fileId = jdbc.queryForObject("select claim_file_id from billed_claim where id = ?", Long.class, newest);
        return new HashSet<>(jdbc.queryForList("select id from billed_claim where claim_file_id = ?", Long.class,
                fileId));
    }

    private void insert999(long fileId, Long claimId, String pcn, FunctionalAcknowledgement group,
                           TransactionSetAcknowledgement set, boolean accepted, String detail) {
        jdbc.update("""
                insert into claim_acknowledgement (claim_file_id, billed_claim_id, kind, patient_control_number,
                    group_control_number, transaction_control_number, category, status, accepted, status_date,
                    reference, source_name, detail)
                values (?, ?, '999', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, fileId, claimId, pcn, truncate(group.groupControlNumber(), 9), truncate(set.controlNumber(), 9),
                truncate(set.status(), 3), truncate(group.groupStatus(), 30), accepted, date(group.createdOn()),
                truncate(group.groupControlNumber(), 50), truncate(group.sender(), 60), detail);
    }

    private Long claimAnsweredBy277(ClaimAcknowledgement ack) {
        if (ack.patientControlNumber() == null) {
            return null;
        }
        LocalDate answeredOn = ack.statusDate() != null ? ack.statusDate() : ack.reportDate();
        List<Long> ids = jdbc.queryForList("""
                select id from billed_claim
                 where patient_control_number = ?
                   and (?::numeric is null or charge = ?::numeric)
                   and (?::date is null or submitted_on is null or submitted_on <= ?::date)
                 order by submitted_on desc nulls last, id desc
                 limit 1
                """, Long.class, ack.patientControlNumber(), ack.billedAmount(), ack.billedAmount(), date(answeredOn),
                date(answeredOn));
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The claim as stored, with its first acceptance on file. */
    @Transactional(readOnly = true)
    public Optional<StoredClaim> find(long billedClaimId) {
        return jdbc.query("""
                select b.id, b.document::text, b.submitted_on, b.batch_reference, b.submitter_name, b.submitter_id,
                       b.receiver_name, b.receiver_id,
                       (select min(o.submitted_on) from billed_claim o
                         where o.patient_control_number = b.patient_control_number
                           and o.payer_id is not distinct from b.payer_id
                           and (o.first_service_date is null or b.first_service_date is null
                                or o.first_service_date = b.first_service_date))
                  from billed_claim b where b.id = ?
                """, (rs, i) -> new StoredClaim(rs.getLong(1), ClaimDocuments.read(rs.getString(2)),
                        toLocalDate(rs.getDate(3)), rs.getString(4), toLocalDate(rs.getDate(9)),
                        acceptance(rs.getLong(1)), null, new ClaimParty(rs.getString(5), rs.getString(6)),
                        new ClaimParty(rs.getString(7), rs.getString(8))), billedClaimId)
                .stream().findFirst();
    }

    /** The claim as it was read, without what was said of it since. */
    @Transactional(readOnly = true)
    public Optional<BilledClaim> document(long billedClaimId) {
        return jdbc.queryForList("select document::text from billed_claim where id = ?", String.class, billedClaimId)
                .stream().findFirst().map(ClaimDocuments::read);
    }

    /**
     * Records a file whose contents another module keeps (a 277 claim status response): its bytes' hash makes the
     * same file a duplicate, as for every claim file.
     *
     * @throws AlreadyOnFile when a concurrent arrival of the same bytes stored them first
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long storeFile(ClaimFileReceipt receipt, String kind) {
        lock("file|" + receipt.sha256(), Set.of());
        return newFile(receipt, kind);
    }

    /** The claims on file per CLM01, for the join of a whole 835. */
    @Transactional(readOnly = true)
    public Map<String, List<ClaimMatcher.Candidate>> withControlNumbers(String[] patientControlNumbers) {
        Map<String, List<ClaimMatcher.Candidate>> found = new HashMap<>();
        jdbc.query("""
                select patient_control_number, id, payer_id, payer_name, charge, first_service_date,
                       last_service_date, submitted_on
                  from billed_claim where patient_control_number = any(?)
                """, rs -> {
                    found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ClaimMatcher.Candidate(
                            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                            toLocalDate(rs.getDate(6)), toLocalDate(rs.getDate(7)), toLocalDate(rs.getDate(8))));
                }, (Object) patientControlNumbers);
        return found;
    }

    ClaimAcceptance acceptance(long billedClaimId) {
        return jdbc.query("""
                select status_date, reference, payer_claim_control_number, source_name from claim_acknowledgement
                 where billed_claim_id = ? and kind = '277CA' and accepted
                 order by status_date nulls last, id limit 1
                """, (rs, i) -> new ClaimAcceptance(toLocalDate(rs.getDate(1)),
                        rs.getString(3) == null ? rs.getString(2) : rs.getString(2) + " (payer claim " + rs.getString(3) + ")",
                        rs.getString(4)), billedClaimId).stream().findFirst().orElse(null);
    }

    /**
     * The same file, or the same batch in another layout, arriving twice at once: the later transaction waits here
     * for the earlier one to commit, then finds what it stored. Transaction-scoped advisory locks, taken in one order.
     */
    private void lock(String fileKey, Set<String> batches) {
        List<String> keys = new ArrayList<>();
        keys.add(fileKey);
        batches.forEach(b -> keys.add("claim-batch|" + b));
        for (String key : keys) {
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 837))::text", String.class, key);
        }
    }

    private long newFile(ClaimFileReceipt receipt, String kind) {
        findFileByHash(receipt.sha256()).ifPresent(id -> {
            throw new AlreadyOnFile(id);
        });
        return jdbc.queryForObject("""
                insert into claim_file (file_name, sha256, size_bytes, kind, source, received_by, received_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """, Long.class, truncate(receipt.fileName(), 255), receipt.sha256(), receipt.sizeBytes(), kind,
                receipt.source(), receipt.receivedBy(), Timestamp.from(clock.instant()));
    }

    private Set<String> existingIdentities(List<PendingClaim> pending) {
        Set<String> found = new HashSet<>();
        for (int from = 0; from < pending.size(); from += BATCH) {
            String[] keys = pending.subList(from, Math.min(pending.size(), from + BATCH)).stream()
                    .map(PendingClaim::identity).toArray(String[]::new);
            found.addAll(jdbc.queryForList("select identity_key from billed_claim where identity_key = any(?)",
                    String.class, (Object) keys));
        }
        return found;
    }

    private List<Long> nextIds(String sequence, int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)", Long.class, count);
    }

    /** The practice of each claim's billing provider (2010AA), recognised once per provider of the file. */
    private Map<PendingClaim, Long> practicesOf(List<PendingClaim> claims) {
        Map<String, Long> byProvider = new HashMap<>();
        Map<PendingClaim, Long> found = new IdentityHashMap<>();
        for (PendingClaim p : claims) {
            ClaimProvider billing = p.claim.billingProvider();
            String npi = billing == null ? null : billing.npi();
            String taxId = billing == null ? null : billing.taxId();
            String name = billing == null ? null : billing.displayName();
            found.put(p, byProvider.computeIfAbsent(npi + "|" + taxId + "|" + name,
                    k -> practices.recognise(name, npi, taxId, Practices.FROM_837_BILLING_PROVIDER)));
        }
        return found;
    }

    private void insertClaims(long fileId, List<PendingClaim> claims) {
        Map<PendingClaim, Long> practiceOf = practicesOf(claims);
        jdbc.batchUpdate("""
                insert into billed_claim (id, claim_file_id, identity_key, kind, implementation,
                    interchange_control_number, group_control_number, transaction_control_number, batch_reference,
                    submitted_on, submitter_id, submitter_name, receiver_id, receiver_name, patient_control_number, payer_id, payer_name, charge,
                    facility_code, frequency, filing_indicator, billing_npi, rendering_npi, rendering_taxonomy,
                    member_id, patient_birth_date, prior_authorization, original_reference, first_service_date,
                    last_service_date, document, practice_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
                """, claims, BATCH, (ps, p) -> {
                    BilledClaim c = p.claim;
                    ClaimTransaction t = p.transaction;
                    ClaimProvider rendering = c.renderingProvider();
                    int i = 1;
                    ps.setLong(i++, p.id);
                    ps.setLong(i++, fileId);
                    ps.setString(i++, p.identity);
                    ps.setString(i++, c.kind().label());
                    ps.setString(i++, truncate(t.implementation(), 20));
                    ps.setString(i++, truncate(t.interchangeControlNumber(), 9));
                    ps.setString(i++, truncate(t.groupControlNumber(), 9));
                    ps.setString(i++, truncate(t.controlNumber(), 9));
                    ps.setString(i++, truncate(t.reference(), 50));
                    ps.setDate(i++, date(t.submittedOn()));
                    ps.setString(i++, t.submitter() == null ? null : truncate(t.submitter().id(), 80));
                    ps.setString(i++, t.submitter() == null ? null : truncate(t.submitter().name(), 60));
                    ps.setString(i++, t.receiver() == null ? null : truncate(t.receiver().id(), 80));
                    ps.setString(i++, t.receiver() == null ? null : truncate(t.receiver().name(), 60));
                    ps.setString(i++, truncate(c.patientControlNumber(), 38));
                    ps.setString(i++, c.payer() == null ? null : truncate(c.payer().id(), 80));
                    ps.setString(i++, c.payer() == null ? null : truncate(c.payer().name(), 60));
                    ps.setBigDecimal(i++, c.charge());
                    ps.setString(i++, truncate(c.facilityCode(), 2));
                    ps.setString(i++, truncate(c.frequency(), 1));
                    ps.setString(i++, truncate(c.filingIndicator(), 2));
                    ps.setString(i++, c.billingProvider() == null ? null : truncate(c.billingProvider().npi(), 80));
                    ps.setString(i++, rendering == null ? null : truncate(rendering.npi(), 80));
                    ps.setString(i++, rendering == null ? null : truncate(rendering.taxonomy(), 50));
                    ps.setString(i++, c.subscriber() == null ? null : truncate(c.subscriber().memberId(), 80));
                    ps.setDate(i++, c.patient() == null ? null : date(c.patient().birthDate()));
                    ps.setString(i++, truncate(c.priorAuthorization(), 50));
                    ps.setString(i++, truncate(c.originalReference(), 50));
                    ps.setDate(i++, date(c.firstServiceDate()));
                    ps.setDate(i++, date(c.lastServiceDate()));
                    ps.setString(i++, p.document);
                    ps.setLong(i, practiceOf.get(p));
                });
    }

    private void insertLines(List<PendingClaim> claims) {
        List<Object[]> rows = new ArrayList<>();
        for (PendingClaim p : claims) {
            for (BilledLine l : p.claim.lines()) {
                rows.add(new Object[] {p.id, l.number(), truncate(l.revenueCode(), 48), truncate(l.procedure(), 48),
                        truncate(String.join(":", l.modifiers()), 20), l.charge(), l.units(),
                        truncate(l.placeOfService(), 2), date(l.serviceDate()), date(l.serviceDateTo()),
                        truncate(l.priorAuthorization(), 50), truncate(l.renderingNpi(), 80)});
            }
        }
        jdbc.batchUpdate("""
                insert into billed_line (billed_claim_id, line_number, revenue_code, procedure_code, modifiers, charge,
                    units, place_of_service, service_date, service_date_to, prior_authorization, rendering_npi)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    private static String batchKey(ClaimTransaction t) {
        return (t.submitter() == null ? "" : t.submitter().id()) + "|" + t.reference() + "|" + t.submittedOn();
    }

    private static String identity(ClaimTransaction t, String document) {
        return sha256(batchKey(t) + "|" + (t.receiver() == null ? "" : t.receiver().id()) + "|" + document);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate toLocalDate(java.sql.Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** The file is on file already (stored by a concurrent arrival of the same bytes): nothing was stored. */
    public static final class AlreadyOnFile extends RuntimeException {

        private final long fileId;

        AlreadyOnFile(long fileId) {
            super("already on file as #" + fileId);
            this.fileId = fileId;
        }

        public long fileId() {
            return fileId;
        }
    }

    private static final class PendingClaim {
        private final ClaimTransaction transaction;
        private final BilledClaim claim;
        private final String document;
        private final String identity;
        private long id;

        private PendingClaim(ClaimTransaction transaction, BilledClaim claim, String document, String identity) {
            this.transaction = transaction;
            this.claim = claim;
            this.document = document;
            this.identity = identity;
        }

        String identity() {
            return identity;
        }
    }
}
