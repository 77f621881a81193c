package org.overturn.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes realistic, balanced 005010X221A1 remittance files for a behavioral-health clinic: commercial,
 * Medicare, Medicare Advantage and Medicaid payers; psychotherapy, medication management, PHP/IOP and Part 2
 * SUD services; paid claims with contractual and patient-responsibility adjustments, full and partial
 * denials with the CARC/RARC combinations payers really send, reversals and provider-level adjustments.
 *
 * <p>Output is streamed: only one transaction set's claims are in memory at a time, so files of any number of
 * claims can be written. The same settings always produce the same text.
 */
public final class RemittanceGenerator {

    private final Clinic clinic;

    public RemittanceGenerator() {
        this(Clinic.riverbend());
    }

    public RemittanceGenerator(Clinic clinic) {
        this.clinic = clinic;
    }

    /** The payee and rendering providers of every generated file. */
    public Clinic clinic() {
        return clinic;
    }

    /** Writes the whole file to {@code out}; flushes but does not close it. */
    public void write(GeneratorSettings settings, Writer out) throws IOException {
        Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        SegmentWriter segments = new SegmentWriter(buffered);
        RemittanceWriter remittances = new RemittanceWriter(segments, clinic);
        PaymentRuns runs = new PaymentRuns(settings, clinic);
        try {
            int transactions = settings.transactionCount();
            int written = 0;
            for (int interchange = 1; written < transactions; interchange++) {
                int inThisInterchange = Math.min(settings.transactionsPerInterchange(), transactions - written);
                PaymentAdvice first = runs.next(written, claimsIn(settings, written));
                remittances.startInterchange(interchange, first.productionDate(), clockTime(interchange));
                remittances.transaction(transactionControlNumber(written), first);
                for (int i = 1; i < inThisInterchange; i++) {
                    int index = written + i;
                    PaymentAdvice advice = runs.next(index, claimsIn(settings, index));
                    remittances.transaction(transactionControlNumber(index), advice);
                }
                remittances.endInterchange(interchange, inThisInterchange);
                written += inThisInterchange;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.flush();
    }

    /**
     * The payment runs a file with these settings holds, in order, each a payer's payment and the claims it
     * settles: the demo delivers them one file a run and answers their denials later.
     */
    List<PaymentAdvice> paymentRuns(GeneratorSettings settings) {
        PaymentRuns runs = new PaymentRuns(settings, clinic);
        List<PaymentAdvice> advices = new ArrayList<>(settings.transactionCount());
        for (int i = 0; i < settings.transactionCount(); i++) {
            advices.add(runs.next(i, claimsIn(settings, i)));
        }
        return advices;
    }

    /** One interchange of one group holding these payment advices, a transaction set each. */
    void write(int interchange, List<PaymentAdvice> advices, Writer out) throws IOException {
        Writer buffered = out instanceof BufferedWriter ? out : new BufferedWriter(out, 1 << 16);
        RemittanceWriter remittances = new RemittanceWriter(new SegmentWriter(buffered), clinic);
        try {
            remittances.startInterchange(interchange, advices.get(0).productionDate(), clockTime(interchange));
            for (int i = 0; i < advices.size(); i++) {
                remittances.transaction(transactionControlNumber(i), advices.get(i));
            }
            remittances.endInterchange(interchange, advices.size());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        buffered.flush();
    }

    /**
     * Writes the file to {@code target}, or into it under a name made of seed and claim count when it is a
     * directory, creating missing parent directories.
     *
     * @return the file written
     */
    public Path writeFile(GeneratorSettings settings, Path target) throws IOException {
        Path file = Files.isDirectory(target)
                ? target.resolve("remittance-" + settings.seed() + "-" + settings.claimCount() + ".835")
                : target;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            write(settings, out);
        }
        return file;
    }

    /**
     * Writes the 837P the clinic sent for the first {@code settings.claimCount()} professional claims that remittances
     * with these settings answer (the institutional per diems go on 837Is and are left out), to {@code target}, or into
     * it under a name made of seed and claim count when it is a directory: one interchange of one transaction set per
     * {@code settings.claimsPerTransaction()} claims, the batches the implementation guide recommends at most 5,000
     * claims in. The same settings always produce the same bytes.
     *
     * @return the file written
     */
    public Path writeProfessionalClaimFile(GeneratorSettings settings, Path target) throws IOException {
        Path file = Files.isDirectory(target)
                ? target.resolve("claims-" + settings.seed() + "-" + settings.claimCount() + ".837")
                : target;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        var submissions = new ClaimSubmissions(clinic);
        PaymentRuns runs = new PaymentRuns(settings, clinic);
        java.util.Set<String> billed = new java.util.HashSet<>();
        List<SentClaim> batch = new ArrayList<>(settings.claimsPerTransaction());
        long interchange = ClaimSubmissions.FIRST_CLAIM_INTERCHANGE;
        int written = 0;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (int index = 0; written < settings.claimCount(); index++) {
                int claims = index < settings.transactionCount() ? claimsIn(settings, index)
                        : settings.claimsPerTransaction();
                for (ClaimDecision decision : runs.next(index, claims).claims()) {
                    // a reversal and the claim paid again are answers to a claim already sent
                    if (ClaimDecision.REVERSAL.equals(decision.status()) || decision.billed().institutional()
                            || !billed.add(decision.billed().patientControlNumber())
                            || written + batch.size() == settings.claimCount()) {
                        continue;
                    }
                    batch.add(submissions.file(decision));
                    if (batch.size() == settings.claimsPerTransaction()
                            || written + batch.size() == settings.claimCount()) {
                        out.write(submissions.write(org.overturn.claim.ClaimKind.PROFESSIONAL, interchange++,
                                batch.stream().map(SentClaim::sentOn).max(java.time.LocalDate::compareTo)
                                        .orElseThrow().atTime(18, 0),
                                batch.stream().map(SentClaim::claim).toList()));
                        written += batch.size();
                        batch.clear();
                    }
                }
            }
        }
        return file;
    }

    private static int claimsIn(GeneratorSettings settings, int transaction) {
        int before = transaction * settings.claimsPerTransaction();
        return Math.min(settings.claimsPerTransaction(), settings.claimCount() - before);
    }

    /** ST02: unique within the file, at least four digits as most payers send it. */
    private static String transactionControlNumber(int index) {
        return String.format("%04d", index + 1);
    }

    /** ISA10/GS05: deterministic times, a minute apart, so that reruns produce identical bytes. */
    private static String clockTime(int interchange) {
        return String.format("%02d%02d", 6 + (interchange / 60) % 12, interchange % 60);
    }
}
