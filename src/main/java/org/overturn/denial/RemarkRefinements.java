package org.overturn.denial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Remark codes (RARC) that say what a generic CARC means (16, A1, 96 ...), read once from {@value #RESOURCE}: each
 * with the root cause it names and the advice the biller gets. The root-cause table asks for the first of a denial's
 * remark codes found here, in the file's order. Immutable and thread-safe.
 */
public final class RemarkRefinements {

    public static final String RESOURCE = "denial/remark-refinements.csv";

    /** A remark code, the root cause it gives a generic CARC, and what to do about it. */
    public record Refinement(String code, RootCause rootCause, String advice) {
    }

    private static final RemarkRefinements SHIPPED = load();

    private final Map<String, Refinement> byCode;

    private RemarkRefinements(Map<String, Refinement> byCode) {
        this.byCode = byCode;
    }

    public static RemarkRefinements shipped() {
        return SHIPPED;
    }

    public Collection<Refinement> all() {
        return byCode.values();
    }

    /** The refinement of the first remark code, in the file's order, among the given ones. */
    public Optional<Refinement> first(Collection<String> rarcs) {
        return byCode.values().stream().filter(r -> rarcs.contains(r.code())).findFirst();
    }

    private static RemarkRefinements load() {
        InputStream in = RemarkRefinements.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("remark refinements missing from the classpath: " + RESOURCE);
        }
        Map<String, Refinement> byCode = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                // the advice is the last cell and may hold commas
                String[] cells = line.split(",", 3);
                if (cells.length != 3) {
                    throw new IllegalStateException(RESOURCE + ": expected rarc,root_cause,advice in " + line);
                }
                String code = cells[0].trim().toUpperCase(Locale.ROOT);
                if (byCode.put(code, new Refinement(code, RootCause.valueOf(cells[1].trim()), cells[2].trim())) != null) {
                    throw new IllegalStateException(RESOURCE + ": " + code + " twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RemarkRefinements(java.util.Collections.unmodifiableMap(byCode));
    }
}
