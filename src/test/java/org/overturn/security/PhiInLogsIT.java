package org.overturn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test (surefire's, then failsafe's other *IT classes; pom.xml gives it a failsafe execution
 * of its own in post-integration-test): reads the log output of the whole test run and looks for patient names and
 * member ids that the test fixtures put through ingestion, tasks and pages.
 */
class PhiInLogsIT {

    /** Names and member ids from the 835 fixtures (real samples and synthetic files the tests build). */
    static final List<String> PHI = List.of(
            "JOHANN", "LL99999L", "LL88888L", "LL77777L", "00001612",  // pyx12 and eMedNY samples
            "SUBMITTED FIRST", "CORRECTED LAST",                        // eMedNY sample names
            "MARISOL", "MCD123456");                                     // the Part 2 test's patient

    @Test
    void testRunLogsHoldNoPatientNamesOrMemberIds() throws IOException {
        // unit tests and slices log to surefire's reports, whole-application tests (*IT) to failsafe's
        List<Path> reports = List.of(Path.of("target", "surefire-reports"), Path.of("target", "failsafe-reports"));
        assertThat(reports).allMatch(Files::isDirectory);
        List<String> leaks = new ArrayList<>();
        for (Path directory : reports) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-output.txt")).toList()) {
                    String log = Files.readString(file, StandardCharsets.ISO_8859_1);
                    for (String value : PHI) {
                        if (log.contains(value)) {
                            leaks.add(value + " in " + directory.getFileName() + "/" + file.getFileName());
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
