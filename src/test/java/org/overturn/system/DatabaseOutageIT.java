package org.overturn.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The database goes away for a few seconds while billers upload 835s and read denials and the job executor
 * starts the denials' processes: connections are killed again and again (a fail-over), then refused for a while
 * (a restart). Requests that need the database meanwhile fail cleanly, 5xx with a JSON body and no stack trace;
 * afterwards every upload a client repeats is taken, every job completes, and nothing is lost or doubled: each
 * file once, each denial with exactly one process and its task.
 *
 * <p>A context of its own (the properties below), so the outage touches no other test's database. Connections are
 * waited for 1 s instead of 30 s, so that requests during the outage fail rather than wait it out. A job the outage
 * hit could not record its failure: it keeps its lock until the lock lapses and then runs again; that is 5 minutes
 * by default (Camunda's), 10 s here.
 */
@OverturnIntegrationTest
@TestPropertySource(properties = {"spring.datasource.hikari.connection-timeout=1000",
        "camunda.bpm.job-execution.lock-time-in-millis=10000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    private static final String PAYER = "FZ-OUT-";
    private static final int DENIALS_PER_FILE = 3;

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void requestsFailCleanlyWhileTheDatabaseIsAwayAndAfterwardsNothingIsLostOrDoubled() throws Exception {
        String session = signIn("biller");
        Traffic traffic = new Traffic(session);
        traffic.start();
        traffic.awaitStored(3);

        List<ResponseEntity<String>> duringOutage = new ArrayList<>();
        try (DatabaseOutage outage = new DatabaseOutage(postgres)) {
            for (int i = 0; i < 60; i++) {
                outage.killConnections();
                pause(50);
            }
            outage.begin();
            // while it refuses connections, anything that needs the database must fail, and say so in JSON
            duringOutage.add(as("biller").getForEntity("/api/denials?payer=" + PAYER + "0", String.class));
            duringOutage.add(withSession(session, "/api/denials?payer=" + PAYER + "0"));
            duringOutage.add(as("biller").exchange("/api/remittances", HttpMethod.POST,
                    upload(traffic.next.getAndIncrement()), String.class));
            pause(3_000);
            outage.end();
        }
        int storedBefore = traffic.stored.get();
        traffic.awaitStored(storedBefore + 3);
        traffic.stop();

        assertThat(duringOutage).allSatisfy(DatabaseOutageIT::assertCleanServerError);
        // refused connections are told apart from faults: 503 with a time to come back
        assertThat(duringOutage).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        });
        assertThat(traffic.answers).as("answers during the traffic").allSatisfy(a -> {
            if (a.getStatusCode().isError()) {
                assertCleanServerError(a);
            }
        });
        // a client repeats what failed; whatever had been stored before the failure is recognised
        for (int file = 0; file < traffic.next.get(); file++) {
            if (!traffic.taken.contains(file)) {
                var again = as("biller").exchange("/api/remittances", HttpMethod.POST, upload(file), JsonNode.class);
                assertThat(again.getStatusCode().value()).as("file %d again", file).isEqualTo(200);
            }
        }
        int files = traffic.next.get();
        try {
            for (int file = 0; file < files; file++) {
                KnownRemittance.awaitTasks(jdbc, PAYER + file, DENIALS_PER_FILE);
            }
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; jobs: " + jdbc.queryForList("""
                    select id_, retries_, lock_owner_, lock_exp_time_, duedate_, exception_msg_ from act_ru_job
                    """), e);
        }
        assertNothingLostOrDoubled(files);
    }

    private void assertNothingLostOrDoubled(int files) {
        for (int file = 0; file < files; file++) {
            String payer = PAYER + file;
            assertThat(count("select count(*) from remittance where payer_id = ?", payer)).as(payer).isEqualTo(1);
            assertThat(count("select count(*) from denial where payer_id = ?", payer)).as(payer)
                    .isEqualTo(DENIALS_PER_FILE);
        }
        assertThat(count("""
                select count(*) from denial d where d.payer_id like ?
                   and not exists (select 1 from denial_process p where p.denial_id = d.id)
                """, PAYER + "%")).as("denials without a process").isZero();
        assertThat(count("""
                select count(*) from (select business_key_ from act_hi_procinst group by business_key_
                                      having count(*) > 1) doubled
                """)).as("denials with more than one process").isZero();
        assertThat(count("""
                select count(*) from denial_process p
                 where (select count(*) from act_ru_task t where t.proc_inst_id_ = p.process_instance_id) <> 1
                """)).as("processes without exactly one open task").isZero();
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
        assertThat(count("select count(*) from act_ru_job where retries_ = 0")).as("jobs out of retries").isZero();
    }

    /** A 5xx answer in JSON that tells nothing of the code behind it. */
    private static void assertCleanServerError(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().is5xxServerError()).as("%s: %s", answer.getStatusCode(), answer.getBody())
                .isTrue();
        assertThat(answer.getHeaders().getContentType()).as("%s", answer.getBody()).isNotNull();
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)
                || answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("%s", answer.getHeaders().getContentType()).isTrue();
        assertThat(answer.getBody()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQL");
    }

    /**
     * Billers at work: one uploads a new 835 after another (each from a payer of its own, three denials in it),
     * another reads denials with and without a session, until stopped. Every answer is kept.
     */
    private final class Traffic {

        final String session;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger stored = new AtomicInteger();
        /** Files answered 200: stored, or recognised as on file already. */
        final java.util.Set<Integer> taken = ConcurrentHashMap.newKeySet();
        final List<ResponseEntity<String>> answers = new CopyOnWriteArrayList<>();
        final List<Future<?>> workers = new ArrayList<>();

        Traffic(String session) {
            this.session = session;
        }

        void start() {
            workers.add(threads.submit(() -> {
                while (running.get()) {
                    int file = next.getAndIncrement();
                    var answer = as("biller").exchange("/api/remittances", HttpMethod.POST, upload(file), String.class);
                    answers.add(answer);
                    if (answer.getStatusCode().value() == 200) {
                        taken.add(file);
                        stored.incrementAndGet();
                    }
                }
                return null;
            }));
            workers.add(threads.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String path = "/api/denials?payer=" + PAYER + Math.max(0, next.get() - 1);
                    answers.add(i % 2 == 0 ? as("biller").getForEntity(path, String.class) : withSession(session, path));
                    pause(50);
                }
                return null;
            }));
        }

        void awaitStored(int count) {
            org.awaitility.Awaitility.await(count + " uploads stored").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(100)).until(() -> stored.get() >= count);
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> task : workers) {
                task.get(2, TimeUnit.MINUTES);
            }
        }
    }

    private HttpEntity<LinkedMultiValueMap<String, Object>> upload(int file) {
        KnownRemittance remittance = KnownRemittance.from(PAYER + file, "OUTAGE HEALTH PLAN " + file,
                "OUT-" + file, "20250301", "0");
        for (int claim = 0; claim < DENIALS_PER_FILE; claim++) {
            remittance.claim("CLP*OUT-" + file + "-" + claim + "*4*150*0**12*PCC-OUT-" + file + "-" + claim,
                    "CAS*CO*16*150", "SVC*HC:90837*150*0", "DTM*472*20250210");
        }
        byte[] content = remittance.bytes();
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "outage-" + file + ".835";
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> withSession(String session, String path) {
        var headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private String signIn(String user) {
        WebClient web = WebClient.anonymous(port);
        var login = web.get("/login");
        var signedIn = web.withCookie(sessionCookie(login)).post("/login", Map.of("username", user,
                "password", "demo", "_csrf", csrf(login.body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return sessionCookie(signedIn);
    }

    private static String sessionCookie(java.net.http.HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static String csrf(String page) {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
        return matcher.group(1);
    }

    private TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, "demo");
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Paces the outage and the traffic (not a wait for a condition: those use Awaitility). */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
