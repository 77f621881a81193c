package org.overturn.bench;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.overturn.demo.GeneratorSettings;
import org.overturn.demo.RemittanceGenerator;
import org.overturn.x12.MalformedX12Exception;
import org.overturn.remittance.RemittanceFile;
import org.overturn.remittance.RemittanceParser;

/**
 * Our streaming parser against imsweb's x12-parser on the same generated 835 file, read from disk (page
 * cache) each time, and beside them, when {@link #before} names one, the parser of an earlier build. One parse of
 * a 50,000-claim file takes seconds, so each invocation is timed on its own. {@link BenchmarkReport} runs it and
 * writes BENCHMARKS.md; it can also run alone with the JMH runner.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParserBenchmark {

    public static final GeneratorSettings SETTINGS = GeneratorSettings.defaults()
            .withSeed(835L)
            .withClaimCount(50_000)
            .withClaimsPerTransaction(250);

    /** An existing file to parse; empty to generate one in a temporary directory. */
    @Param("")
    public String file;

    /** An earlier build's {@code target/classes} whose parser {@link #overturnBefore} measures; empty for none. */
    @Param("")
    public String before;

    private Path input;
    private EarlierBuild earlier;

    @Setup(Level.Trial)
    public void prepare() throws IOException, MalformedX12Exception {
        input = file.isEmpty() ? generate(Files.createTempDirectory("overturn-bench")) : Path.of(file);
        // both parsers must read the whole file, or the comparison means nothing
        int ours = parseWithOverturn().claimCount();
        int peers = claimsOf(parseWithImsweb());
        if (ours != SETTINGS.claimCount() || peers != SETTINGS.claimCount()) {
            throw new IllegalStateException("claims read: ours " + ours + ", imsweb " + peers);
        }
        if (!before.isEmpty()) {
            earlier = new EarlierBuild(before, RemittanceParser.class.getName(), InputStream.class);
            int theirs = earlier.claimCount(parseWithEarlierBuild());
            if (theirs != SETTINGS.claimCount()) {
                throw new IllegalStateException("claims read by the earlier build: " + theirs);
            }
        }
    }

    @Benchmark
    public RemittanceFile overturn() throws IOException, MalformedX12Exception {
        return parseWithOverturn();
    }

    /** The earlier build's parser, when {@link #before} names one. */
    @Benchmark
    public Object overturnBefore() throws IOException {
        if (earlier == null) {
            throw new IllegalStateException("no earlier build to measure: set the parameter 'before'");
        }
        return parseWithEarlierBuild();
    }

    @Benchmark
    public X12Reader imswebX12Parser() throws IOException {
        return parseWithImsweb();
    }

    /** Writes the benchmark file into {@code directory}; the same bytes every time. */
    public static Path generate(Path directory) throws IOException {
        return new RemittanceGenerator().writeFile(SETTINGS, directory);
    }

    private RemittanceFile parseWithOverturn() throws IOException, MalformedX12Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
            return RemittanceParser.standard().parse(in);
        }
    }

    private Object parseWithEarlierBuild() throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input), 1 << 16)) {
            return earlier.parse(in);
        }
    }

    private X12Reader parseWithImsweb() throws IOException {
        return new X12Reader(X12Reader.FileType.ANSI835_5010_X221, input.toFile());
    }

    private static int claimsOf(X12Reader reader) {
        if (!reader.getFatalErrors().isEmpty()) {
            throw new IllegalStateException("imsweb failed: " + reader.getFatalErrors());
        }
        return reader.getLoops().stream().mapToInt((Loop interchange) -> interchange.findLoop("2100").size()).sum();
    }
}
