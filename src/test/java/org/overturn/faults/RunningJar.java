package org.overturn.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged server ({@code target/overturn.jar}, failsafe passes its path as {@code overturn.jar}) run as a child
 * process the way production runs it: the {@code prod} profile (no demo users or data), an external PostgreSQL given
 * by {@code SPRING_DATASOURCE_*}, one administrator from {@code OVERTURN_SECURITY_ADMIN_PASSWORD}. A test kills it
 * with {@link #kill()}, which is SIGKILL on Linux: no shutdown hook, no transaction finished, no lock given back.
 *
 * <p>Its output goes to {@code target/faults/<name>.log} for a post-mortem. Job locks last 10 s instead of 5 minutes
 * and an idle job executor looks for jobs at least every 2 s, so that the jobs a killed node held are taken over
 * within seconds rather than minutes (the README's advice for a cluster, shortened for a test). Likewise the inbox
 * files a killed node was reading are taken over by another node after 10 s instead of 5 minutes; the node's inbox
 * folder {@code .processing/<name>/} is named after it.
 */
final class RunningJar implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunningJar.class);

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "kill-nine-operator-password";
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static final Path LOGS = Path.of("target", "faults");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private RunningJar(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the jar against {@code database} and waits until it answers an authenticated API call.
     *
     * @param name       names the log file, e.g. {@code ingest-1}
     * @param inbox      the inbox folder it watches (polled every second, a file taken once unchanged for a second),
     *                   or null for no inbox
     * @param properties more {@code --key=value} arguments, e.g. the mail server
     */
    static RunningJar start(String name, EmbeddedPostgres database, Path inbox, String... properties) {
        try {
            Files.createDirectories(LOGS);
            int port = freePort();
            Path log = LOGS.resolve(name + ".log");
            Path dataDir = Files.createDirectories(LOGS.resolve(name + "-data")).toAbsolutePath();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-XX:+ExitOnOutOfMemoryError",
                    "-jar", jar().toString(),
                    "--server.port=" + port,
                    "--overturn.data-dir=" + dataDir,
                    "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                    "--camunda.bpm.job-execution.max-wait=2000"));
            if (inbox == null) {
                command.add("--overturn.intake.inbox-enabled=false");
            } else {
                command.add("--overturn.intake.inbox=" + inbox.toAbsolutePath());
                command.add("--overturn.intake.poll-interval=1s");
                command.add("--overturn.intake.settle-time=1s");
                command.add("--overturn.intake.takeover-after=10s");
                command.add("--overturn.intake.node-id=" + name);
            }
            command.addAll(List.of(properties));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("SPRING_PROFILES_ACTIVE", "prod");
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres");
            env.put("SPRING_DATASOURCE_USERNAME", "postgres");
            env.put("SPRING_DATASOURCE_PASSWORD", "");
            env.put("OVERTURN_SECURITY_ADMIN_PASSWORD", ADMIN_PASSWORD);
            RunningJar jar = new RunningJar(name, port, builder.start(), log);
            try {
                jar.awaitUp();
            } catch (RuntimeException | AssertionError e) {
                jar.close();
                throw e;
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path jar() {
        String path = System.getProperty("overturn.jar");
        assertThat(path).as("system property overturn.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(path)).as("the packaged jar: run `./mvnw package` first").isRegularFile();
        return Path.of(path);
    }

    /**
     * Up means signed-in API calls work (the schema is migrated and the administrator exists) and the server reports
     * ready: before that it takes no files (an upload is answered 503).
     */
    private void awaitUp() {
        Instant started = Instant.now();
        await("%s to start".formatted(name), START_TIMEOUT, () -> {
            assertThat(process.isAlive()).as("%s died while starting: %s", name, tail()).isTrue();
            try {
                return get("/api/queues").statusCode() == 200 && get("/actuator/health/readiness").statusCode() == 200;
            } catch (UncheckedIOException e) {
                return false;
            }
        });
        LOG.info(String.format("%s up on port %d in %d s", name, port, Duration.between(started, Instant.now()).toSeconds()));
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s gone after SIGKILL", name).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        LOG.info(String.format("%s killed (exit %d)", name, process.exitValue()));
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    String name() {
        return name;
    }

    /** The folder of the inbox files this node is reading. */
    Path processing(Path inbox) {
        return inbox.resolve(".processing").resolve(name);
    }

    /** What the server has written so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        String out = output();
        return out.substring(Math.max(0, out.length() - 4000));
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    HttpResponse<String> putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** {@code POST /api/remittances} with the file as multipart {@code file}, as {@code curl -F} sends it. */
    JsonNode upload(String fileName, byte[] content) {
        String boundary = "----overturn" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var answer = send(request("/api/remittances").timeout(Duration.ofMinutes(5))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(answer.statusCode()).as("upload of %s to %s: %s", fileName, name, answer.body()).isEqualTo(200);
        return readJson(answer.body());
    }

    static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls every 200 ms until {@code condition} holds; fails after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
