package org.overturn.claimstatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimStatusInquiry;
import org.overturn.claim.ClaimStore;
import org.overturn.claim.StatusInquiryWriter;
import org.overturn.claim.StoredClaim;
import org.overturn.claim.UnansweredClaims;
import org.overturn.payer.PayerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows up the claims no 835 answered: for each, once, a 276 claim status request written to the clearinghouse
 * outbox and a follow-up task ({@code bpmn/claim-status-follow-up.bpmn}) in the eligibility queue.
 */
@Service
public class ClaimStatusFollowUps {

    public static final String PROCESS = "claim-status-follow-up";
    public static final String TASK = "Task_FollowUpUnansweredClaim";

    private static final Logger log = LoggerFactory.getLogger(ClaimStatusFollowUps.class);

    private final UnansweredClaims unanswered;
    private final ClaimStore claims;
    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ClaimStatusProperties properties;
    private final Clock clock;
    private final PayerDirectory payers;
    private final StatusInquiryWriter writer = StatusInquiryWriter.standard();

    ClaimStatusFollowUps(UnansweredClaims unanswered, ClaimStore claims, JdbcTemplate jdbc, RuntimeService runtime,
                         ClaimStatusProperties properties, Clock clock, PayerDirectory payers) {
        this.unanswered = unanswered;
        this.claims = claims;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.payers = payers;
    }

    /**
     * One follow-up: the claim, the 276 sent for it (the latest when it was asked again), and where it stands: OPEN
     * while the biller's task waits, PENDING while the payer's pending answer waits to be asked again, else how it
     * ended (PAID, FINALIZED, DENIED, NOT_ON_FILE, ESCALATED, or what the biller recorded).
     */
    public record FollowUp(long id, long billedClaimId, String payerId, String patientControlNumber, String trace,
                           String outboxPath, String status, String outcomeNote, String decidedBy, int asks) {
    }

    /** The days a payer has to answer: the payer directory's, else the configured ones (30 by default). */
    public int daysFor(String payerId) {
        return payerId == null ? properties.daysFor(null)
                : payers.claimStatusDays(payerId).orElseGet(() -> properties.daysFor(payerId));
    }

    @Scheduled(cron = "${overturn.claim-status.sweep:0 30 6 * * *}")
    void daily() {
        List<FollowUp> opened = sweep();
        if (!opened.isEmpty()) {
            log.info("Claims without an answer: {} followed up with a 276", opened.size());
        }
    }

    /** Opens a follow-up for every unanswered claim past its payer's days that has none yet. */
    @Transactional
    public List<FollowUp> sweep() {
        LocalDate today = LocalDate.now(clock);
        List<FollowUp> opened = new ArrayList<>();
        for (UnansweredClaims.Unanswered claim : unanswered.asOf(today, this::daysFor)) {
            Integer known = jdbc.queryForObject("select count(*) from claim_status_inquiry where billed_claim_id = ?",
                    Integer.class, claim.billedClaimId());
            if (known == null || known == 0) {
                claims.find(claim.billedClaimId()).ifPresent(stored -> opened.add(open(claim, stored)));
            }
        }
        return opened;
    }

    private FollowUp open(UnansweredClaims.Unanswered claim, StoredClaim stored) {
        Long id = jdbc.queryForObject("select nextval('claim_status_inquiry_id_seq')", Long.class);
        String trace = "OVT276-" + id;
        jdbc.update("""
                insert into claim_status_inquiry (id, billed_claim_id, payer_id, patient_control_number, trace,
                                                  outbox_path, status, sent_at, payer_claim_control_number)
                values (?, ?, ?, ?, ?, '', 'OPEN', ?, ?)
                """, id, claim.billedClaimId(), claim.payerId(), claim.patientControlNumber(), trace,
                java.sql.Timestamp.from(clock.instant()), claim.payerClaimControlNumber());
        send(id, trace, stored.claim(), claim.payerClaimControlNumber());
        var process = runtime.startProcessInstanceByKey(PROCESS, "claim-status:" + id,
                Map.of("claimStatusInquiryId", id));
        jdbc.update("update claim_status_inquiry set process_instance_id = ? where id = ?", process.getId(), id);
        log.info("Claim status request {} for billed claim #{} written to the outbox", trace, claim.billedClaimId());
        return find(id).orElseThrow();
    }

    /**
     * Asks the payer again with a new 276 (its own trace, so that its answer finds this follow-up too), when the
     * payer said pending and the days to wait have passed; the biller's task opens again.
     */
    @Transactional
    public FollowUp askAgain(long id) {
        FollowUp followUp = find(id).orElseThrow();
        StoredClaim stored = claims.find(followUp.billedClaimId()).orElseThrow();
        int asks = followUp.asks() + 1;
        String trace = "OVT276-" + id + "-" + asks;
        String pccn = jdbc.queryForObject("""
                select coalesce((select a.payer_claim_control_number from claim_status_answer a
                                  where a.inquiry_id = i.id and a.payer_claim_control_number is not null
                                  order by a.id desc limit 1), i.payer_claim_control_number)
                  from claim_status_inquiry i where i.id = ?
                """, String.class, id);
        send(id, trace, stored.claim(), pccn);
        jdbc.update("update claim_status_inquiry set asks = ?, status = 'OPEN' where id = ?", asks, id);
        log.info("Claim status request {} (asked again, {} of at most {}) written to the outbox", trace, asks,
                properties.maxAsks());
        return find(id).orElseThrow();
    }

    /** Writes one 276 to the outbox and records it as the follow-up's latest request. */
    private void send(long id, String trace, BilledClaim billed, String payerClaimControlNumber) {
        Long requestId = jdbc.queryForObject("select nextval('claim_status_request_id_seq')", Long.class);
        LocalDateTime now = LocalDateTime.now(clock);
        ClaimStatusInquiry inquiry = new ClaimStatusInquiry(properties.senderId(), properties.receiverId(), requestId,
                now, properties.production(), trace, billed.payer(),
                new ClaimParty(properties.submitterName(), properties.senderId()), billed.billingProvider(),
                billed.subscriber(), trace, billed.patientControlNumber(), payerClaimControlNumber,
                billed.charge(), first(billed), last(billed));
        Path file = write(trace, writer.write(inquiry));
        var sentAt = java.sql.Timestamp.from(clock.instant());
        jdbc.update("insert into claim_status_request (id, inquiry_id, trace, outbox_path, sent_at) values (?, ?, ?, ?, ?)",
                requestId, id, trace, file.toString(), sentAt);
        jdbc.update("update claim_status_inquiry set trace = ?, outbox_path = ?, sent_at = ? where id = ?", trace,
                file.toString(), sentAt, id);
    }

    /** Written whole or not at all: a temporary file moved into place, so the clearinghouse never takes half. */
    private Path write(String trace, byte[] content) {
        try {
            Files.createDirectories(properties.outbox());
            Path target = properties.outbox().resolve(trace + ".276");
            Path temporary = Files.createTempFile(properties.outbox(), ".", ".part");
            Files.write(temporary, content);
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("276 " + trace + " not written to " + properties.outbox(), e);
        }
    }

    private static LocalDate first(BilledClaim claim) {
        LocalDate from = claim.statementFrom();
        for (BilledLine line : claim.lines()) {
            if (line.serviceDate() != null && (from == null || line.serviceDate().isBefore(from))) {
                from = line.serviceDate();
            }
        }
        return from;
    }

    private static LocalDate last(BilledClaim claim) {
        LocalDate to = claim.statementTo();
        for (BilledLine line : claim.lines()) {
            LocalDate end = line.serviceDateTo() != null ? line.serviceDateTo() : line.serviceDate();
            if (end != null && (to == null || end.isAfter(to))) {
                to = end;
            }
        }
        return to;
    }

    /**
     * Records what a 277 said of the follow-up's claim, by its category's action: PAID and FINALIZED close it (the 835
     * follows); DENIED and NOT_ON_FILE await the biller's task; PENDING waits to ask again, or, once
     * {@code maxAsks} 276s went unanswered but for pending, is ESCALATED to the managers.
     *
     * @return the status recorded
     */
    @Transactional
    public String recordAnswer(long id, ClaimStatusAnswers.Answer answer) {
        FollowUp followUp = find(id).orElseThrow();
        String status = switch (ClaimStatusCategories.Action.valueOf(answer.action())) {
            case PENDING -> followUp.asks() < properties.maxAsks() ? "PENDING" : "ESCALATED";
            case NONE -> throw new IllegalArgumentException("category " + answer.category() + " decides nothing");
            default -> answer.action();
        };
        boolean closes = status.equals("PAID") || status.equals("FINALIZED");
        jdbc.update("update claim_status_inquiry set status = ?, outcome_note = ?, decided_by = ?, closed_at = ? "
                        + "where id = ?", status, answer.note(), closes ? ANSWER : null,
                closes ? java.sql.Timestamp.from(clock.instant()) : null, id);
        return status;
    }

    /** Who decided a follow-up its 277 closed. */
    static final String ANSWER = "277 claim status response";

    /** How long a pending claim waits before it is asked again, as the process timer reads it (ISO 8601). */
    public String askAgainAfter() {
        return properties.askAgainAfter().toString();
    }

    /** Called by the process when the follow-up task is done: what the payer said of the claim. */
    public void close(long id, String status, String note, String by) {
        jdbc.update("update claim_status_inquiry set status = ?, outcome_note = ?, decided_by = ?, closed_at = ? "
                        + "where id = ?", status, note == null || note.isBlank() ? null : note, by,
                java.sql.Timestamp.from(clock.instant()), id);
    }

    @Transactional(readOnly = true)
    public Optional<FollowUp> find(long id) {
        return jdbc.query("select * from claim_status_inquiry where id = ?", (rs, i) -> new FollowUp(rs.getLong("id"),
                rs.getLong("billed_claim_id"), rs.getString("payer_id"), rs.getString("patient_control_number"),
                rs.getString("trace"), rs.getString("outbox_path"), rs.getString("status"),
                rs.getString("outcome_note"), rs.getString("decided_by"), rs.getInt("asks")), id).stream().findFirst();
    }

    /** The follow-ups whose task is still to be done. */
    @Transactional(readOnly = true)
    public List<FollowUp> stillOpen() {
        return jdbc.queryForList("select id from claim_status_inquiry where status = 'OPEN' order by id", Long.class)
                .stream().map(id -> find(id).orElseThrow()).toList();
    }
}
