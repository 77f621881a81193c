package org.overturn.intake.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overturn.Samples;

/** The packaged jar's {@code inspect}: no database, no web server, JSON on stdout, errors on stderr. */
class InspectJarIT {

    @TempDir
    Path dir;

    @Test
    void inspectsFilesWithThePackagedJar() throws Exception {
        Path good = dir.resolve("profee.835");
        Files.write(good, Samples.real("tastypackets__profee.835"));
        Path bad = dir.resolve("not-x12.txt");
        Files.writeString(bad, "hello");

        Process process = new ProcessBuilder("java", "-jar", System.getProperty("overturn.jar"), "inspect",
                good.toString(), bad.toString(), "--json")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(2);
        JsonNode files = new ObjectMapper().readTree(stdout).get("files");
        assertThat(files.get(0).at("/transactions/0/claims")).hasSize(3);
        assertThat(files.get(0).at("/transactions/0/claims/1/denial/rootCause").asText()).isEqualTo("TIMELY_FILING");
        assertThat(files.get(1).get("ok").asBoolean()).isFalse();
        assertThat(Files.readString(dir.resolve("stderr.txt")).trim()).startsWith(bad + ": segment ");
    }
}
