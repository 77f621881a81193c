package org.overturn.bench;

import com.imsweb.x12.Loop;
import com.imsweb.x12.reader.X12Reader;
import java.io.IOException;
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
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimParser;
import org.overturn.demo.GeneratorSettings;
import org.overturn.demo.RemittanceGenerator;
import org.overturn.x12.MalformedX12Exception;

/**
 * Our 837 reader against imsweb's x12-parser on the same generated 837P, read from disk (page cache) each time, in
 * the style of {@link ParserBenchmark}. The file is the demo clinic's: the professional claims that the 835s of
 * {@link #SETTINGS} answer, written through {@code ClaimWriter} in interchanges of 5,000 claims.
 * {@link ClaimBenchmarkReport} runs it and writes BENCHMARKS.md; it can also run alone with the JMH runner.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClaimParserBenchmark {

    public static final GeneratorSettings SETTINGS = GeneratorSettings.defaults()
            .withSeed(837L)
            .withClaimCount(50_000)
            .withClaimsPerTransaction(5_000);

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
            earlier = new EarlierBuild(before, ClaimParser.class.getName(), byte[].class);
            int theirs = earlier.claimCount(overturnBefore());
            if (theirs != SETTINGS.claimCount()) {
                throw new IllegalStateException("claims read by the earlier build: " + theirs);
            }
        }
    }

    @Benchmark
    public ClaimFile overturn() throws IOException, MalformedX12Exception {
        return parseWithOverturn();
    }

    /** The earlier build's parser, when {@link #before} names one; it too is timed reading the bytes. */
    @Benchmark
    public Object overturnBefore() throws IOException {
        if (earlier == null) {
            throw new IllegalStateException("no earlier build to measure: set the parameter 'before'");
        }
        return earlier.parse(Files.readAllBytes(input));
    }

    @Benchmark
    public X12Reader imswebX12Parser() throws IOException {
        return parseWithImsweb();
    }

    /** Writes the benchmark file into {@code directory}; the same bytes every time. */
    public static Path generate(Path directory) throws IOException {
        return new RemittanceGenerator().writeProfessionalClaimFile(SETTINGS, directory);
    }

    /** The reader takes the whole file as bytes, as the intake hands it over: reading them is part of the parse. */
    private ClaimFile parseWithOverturn() throws IOException, MalformedX12Exception {
        return ClaimParser.standard().parse(Files.readAllBytes(input));
    }

    private X12Reader parseWithImsweb() throws IOException {
        return new X12Reader(X12Reader.FileType.ANSI837_5010_X222, input.toFile());
    }

    /** Claims (loop 2300) in every interchange; the reader must have found no fatal error. */
    static int claimsOf(X12Reader reader) {
        if (!reader.getFatalErrors().isEmpty()) {
            throw new IllegalStateException("imsweb failed: " + reader.getFatalErrors());
        }
        return reader.getLoops().stream().mapToInt((Loop interchange) -> interchange.findLoop("2300").size()).sum();
    }
}
