package org.overturn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code kill -9} of the server while the job executor emails appeal letters, then a restart on the same database
 * and mail server: every letter reaches the payer's mailbox, none is lost, and none arrives twice. The one
 * exception is the instant between the mail server accepting a message and the delivery's commit, which no
 * SMTP sender can close: a letter caught there goes again with the same Message-ID, and the test tells it apart
 * by what the mail server and the database held at the kill.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillWhileSendingLettersIT {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KillWhileSendingLettersIT.class);

    static final int LETTERS = 40;
    static final String PAYER = "FZ-MAIL";
    static final String PAYER_EMAIL = "appeals@fz-mail-health.example";

    EmbeddedPostgres postgres;
    JdbcTemplate jdbc;
    ExactlyOnce check;
    GreenMail mailServer;
    RunningJar server;
    final ExecutorService billers = Executors.newFixedThreadPool(2);

    @BeforeAll
    void databaseAndMailServer() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        jdbc = new JdbcTemplate(postgres.getPostgresDatabase());
        check = new ExactlyOnce(jdbc);
        mailServer = new GreenMail(new ServerSetup(RunningJar.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
    }

    @AfterAll
    void stop() throws IOException {
        billers.shutdownNow();
        if (server != null) {
            server.close();
        }
        mailServer.stop();
        postgres.close();
    }

    @Test
    void killedWhileSendingEveryLetterArrivesOnce() throws Exception {
        server = start("letters-1");
        assertThat(server.putJson("/api/payers/" + PAYER, Map.of("name", "FZ MAIL HEALTH", "planType", "COMMERCIAL",
                "appealEmail", PAYER_EMAIL)).statusCode()).isEqualTo(201);
        server.upload("appeals.835", appealableDenials());
        RunningJar.await("every denial at Prepare appeal", Duration.ofMinutes(2 * 2),
                () -> openPrepareAppealTasks().size() == LETTERS);

        // billers submit every appeal at once; the job executor renders and emails them one after another
        List<Future<Integer>> submitted = submitAll(server, openPrepareAppealTasks());
        // killed as soon as the mail server has a quarter of them: right after a letter arrived, the worst moment
        RunningJar.await("a quarter of the letters sent", Duration.ofMinutes(2 * 2),
                () -> mailServer.getReceivedMessages().length >= LETTERS / 4);
        server.kill();
        // what the dead server had handed over by then finishes arriving (a message's last bytes, a COMMIT)
        awaitMailboxSettled();
        Set<String> receivedAtKill = messageIds(mailServer.getReceivedMessages()).keySet();
        Set<String> recordedAtKill = new HashSet<>(jdbc.queryForList("select message_id from letter_delivery",
                String.class));
        // accepted by the mail server, not yet recorded as delivered: the unavoidable window
        Set<String> unrecorded = new HashSet<>(receivedAtKill);
        unrecorded.removeAll(recordedAtKill);
        log.info(String.format("killed with %d of %d letters received, %d recorded, %d accepted but unrecorded",
                receivedAtKill.size(), LETTERS, recordedAtKill.size(), unrecorded.size()));
        assertThat(receivedAtKill).as("letters still to send at the kill").hasSizeLessThan(LETTERS);
        for (Future<Integer> answer : submitted) {
            try {
                answer.get(1, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                // a submission the kill cut off: the biller submits it again below
            }
        }

        server = start("letters-2");
        // what a biller does after the outage: submit again whatever the crash left open
        for (Future<Integer> answer : submitAll(server, openPrepareAppealTasks())) {
            assertThat(answer.get(1, TimeUnit.MINUTES)).isEqualTo(204);
        }
        check.awaitJobsDone(Duration.ofMinutes(2 * 3));

        List<Map<String, Object>> deliveries = jdbc.queryForList("select denial_id, message_id from letter_delivery");
        assertThat(deliveries).as("deliveries").hasSize(LETTERS);
        assertThat(deliveries.stream().map(d -> d.get("denial_id")).distinct()).as("denials written to").hasSize(LETTERS);
        assertThat(check.count("""
                select count(*) from letter_version v join letter l on l.id = v.letter_id where l.kind = 'APPEAL'
                """)).as("letter versions").isEqualTo(LETTERS);
        Map<String, Long> received = messageIds(mailServer.getReceivedMessages());
        Set<String> recorded = deliveries.stream().map(d -> (String) d.get("message_id")).collect(Collectors.toSet());
        assertThat(received.keySet()).as("Message-IDs received").isEqualTo(recorded);
        log.info(String.format("letters received twice: %d", received.values().stream().filter(c -> c > 1).count()));
        received.forEach((messageId, copies) -> {
            if (unrecorded.contains(messageId)) {
                assertThat(copies).as("copies of %s, caught between acceptance and commit", messageId).isBetween(1L, 2L);
            } else {
                assertThat(copies).as("copies of %s", messageId).isEqualTo(1L);
            }
        });
        assertThat(mailServer.getReceivedMessages()).as("every letter to the payer's appeals address")
                .allSatisfy(m -> assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly(PAYER_EMAIL));
        assertThat(check.count("select count(*) from audit_event where action = 'LETTER_SENT'")).as("sends audited")
                .isEqualTo(LETTERS);
        assertThat(check.count("select count(*) from appeal where level = 1")).as("appeals recorded").isEqualTo(LETTERS);
        assertThat(check.count("select count(*) from denial where status = 'APPEALED'")).as("denials appealed")
                .isEqualTo(LETTERS);
        check.assertEveryDenialHasOneLifecycle();
        check.assertNoStepTwice();
        check.assertNoIncidents();
        assertThat(check.count("""
                select count(*) from act_ru_execution e where e.parent_id_ is null and e.proc_def_id_ like 'denial-lifecycle:%'
                   and not exists (select 1 from act_ru_execution w where w.proc_inst_id_ = e.id_
                                      and w.act_id_ = 'Gateway_AwaitAppealDecision')
                """)).as("processes not waiting for the payer's decision").isZero();
    }

    private RunningJar start(String name) {
        // the test's mail server speaks plain SMTP on loopback; production requires STARTTLS (application-prod.yml)
        return RunningJar.start(name, postgres, null, "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mailServer.getSmtp().getPort(),
                "--spring.mail.properties[mail.smtp.starttls.enable]=false",
                "--spring.mail.properties[mail.smtp.starttls.required]=false",
                "--overturn.letters.from=appeals@riverside-bh.example");
    }

    /** One file of {@value #LETTERS} medical-necessity denials under $1,000: appealed without a manager's approval. */
    private static byte[] appealableDenials() {
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        KnownRemittance era = KnownRemittance.from(PAYER, "FZ MAIL HEALTH", "MAIL-1", today, "0");
        for (int i = 0; i < LETTERS; i++) {
            era.claim("CLP*MAIL-" + i + "*4*400*0**12*ICN-MAIL-" + i, "CAS*CO*50*400", "SVC*HC:90837*400*0",
                    "DTM*472*" + today);
        }
        return era.bytes();
    }

    private List<String> openPrepareAppealTasks() {
        return jdbc.queryForList("select id_ from act_ru_task where task_def_key_ = 'Task_PrepareAppeal'", String.class);
    }

    /** Submits each task's appeal over the REST API, two at a time; each future answers the HTTP status. */
    private List<Future<Integer>> submitAll(RunningJar to, List<String> taskIds) {
        List<Future<Integer>> answers = new ArrayList<>();
        for (String taskId : taskIds) {
            answers.add(billers.submit(() -> to.postJson("/api/tasks/" + taskId + "/complete", Map.of(
                    "appealAction", "SUBMIT", "appealArgument", "The session notes document medical necessity."))
                    .statusCode()));
        }
        return answers;
    }

    /** Waits until the mail server's count stayed the same for half a second. */
    private void awaitMailboxSettled() {
        int[] last = {-1};
        int[] stable = {0};
        RunningJar.await("the mailbox to settle", Duration.ofSeconds(30), () -> {
            int now = mailServer.getReceivedMessages().length;
            stable[0] = now == last[0] ? stable[0] + 1 : 0;
            last[0] = now;
            return stable[0] >= 3;
        });
    }

    private static Map<String, Long> messageIds(MimeMessage[] messages) {
        return Arrays.stream(messages).map(m -> {
            try {
                return m.getMessageID();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
