package org.overturn.codeset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The behavioral-health code sets, read once from {@value #RESOURCE}: which codes are time-based psychotherapy, a
 * per-diem level of care, a telehealth modifier, a license-level modifier, and so on. Every module asks here rather
 * than keeping a list of its own. Immutable and thread-safe.
 */
public final class BehavioralHealthCodes {

    public static final String RESOURCE = "codeset/behavioral-health-codes.csv";
    public static final String LICENSE_MODIFIERS = "codeset/license-modifiers.csv";
    public static final String SUPERVISED_LICENSES = "codeset/supervised-licenses.csv";

    /** One code of a set, with what it stands for, where that was read and when. */
    public record Entry(CodeSet set, String code, String meaning, String source, String asOf) {
    }

    private static final BehavioralHealthCodes SHIPPED = load();

    private final Map<CodeSet, Set<String>> sets;
    private final List<Entry> entries;
    private final Map<String, Set<String>> licenseModifiers;
    private final Map<String, String> supervisedBy;

    private BehavioralHealthCodes(Map<CodeSet, Set<String>> sets, List<Entry> entries,
                                  Map<String, Set<String>> licenseModifiers, Map<String, String> supervisedBy) {
        this.sets = sets;
        this.entries = entries;
        this.licenseModifiers = licenseModifiers;
        this.supervisedBy = supervisedBy;
    }

    /** Whom a supervised license's services are billed under, or null when the license bills on its own. */
    public String billedUnder(String credential) {
        return credential == null ? null : supervisedBy.get(credential);
    }

    /** The shipped list. */
    public static BehavioralHealthCodes shipped() {
        return SHIPPED;
    }

    public Set<String> codes(CodeSet set) {
        return sets.getOrDefault(set, Set.of());
    }

    public List<Entry> entries() {
        return entries;
    }

    public boolean contains(CodeSet set, String code) {
        return code != null && codes(set).contains(code.trim().toUpperCase(Locale.ROOT));
    }

    public boolean any(CodeSet set, Collection<String> codes) {
        return codes.stream().anyMatch(c -> contains(set, c));
    }

    /**
     * A license-level modifier (HN, HO, HP, AH, AJ) billed that does not fit the rendering provider's license
     * ({@code claim.ProviderCredential} name); false when the license is unknown or not in {@value #LICENSE_MODIFIERS}.
     */
    public boolean licenseModifierMismatch(Collection<String> modifiers, String credential) {
        Set<String> fitting = credential == null ? null : licenseModifiers.get(credential);
        return fitting != null && modifiers.stream().filter(m -> contains(CodeSet.LICENSE_MODIFIER, m))
                .anyMatch(m -> !fitting.contains(m.trim().toUpperCase(Locale.ROOT)));
    }

    /** The license-level modifiers that fit a license, empty when it takes none or is unknown. */
    public Set<String> licenseModifiersOf(String credential) {
        return licenseModifiers.getOrDefault(credential, Set.of());
    }

    /**
     * A substance-use disorder service, by procedure or revenue code (a revenue code without its leading zero too):
     * its records fall under 42 CFR Part 2.
     */
    public boolean isSubstanceUse(String code) {
        return contains(CodeSet.SUBSTANCE_USE, code) || contains(CodeSet.SUBSTANCE_USE, revenueCode(code));
    }

    /** PHP and IOP days, and residential or withdrawal-management days: levels of care paid by the day. */
    public boolean isPerDiemLevelOfCare(String code) {
        if (contains(CodeSet.LEVEL_PHP, code) || contains(CodeSet.LEVEL_IOP, code)
                || contains(CodeSet.LEVEL_RESIDENTIAL, code)) {
            return true;
        }
        // ambulatory detoxification (H0014) is billed by the service, not the day
        return contains(CodeSet.LEVEL_WITHDRAWAL_MANAGEMENT, code) && !"H0014".equalsIgnoreCase(code.trim());
    }

    /** Revenue codes are four digits; some payers drop the leading zero (912 for 0912). */
    public static String revenueCode(String code) {
        String key = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return key.length() == 3 && key.chars().allMatch(Character::isDigit) ? "0" + key : key;
    }

    private static BehavioralHealthCodes load() {
        Map<CodeSet, Set<String>> sets = new EnumMap<>(CodeSet.class);
        List<Entry> entries = new ArrayList<>();
        for (String[] cells : rows(RESOURCE, 5)) {
            Entry entry = new Entry(CodeSet.valueOf(cells[0].trim()), cells[1].trim().toUpperCase(Locale.ROOT),
                    cells[2].trim(), cells[3].trim(), cells[4].trim());
            entries.add(entry);
            sets.computeIfAbsent(entry.set(), s -> new LinkedHashSet<>()).add(entry.code());
        }
        Map<CodeSet, Set<String>> frozen = new LinkedHashMap<>();
        sets.forEach((set, codes) -> frozen.put(set, Collections.unmodifiableSet(codes)));
        Map<String, String> supervised = new LinkedHashMap<>();
        rows(SUPERVISED_LICENSES, 3).forEach(cells -> supervised.put(cells[0].trim(), cells[1].trim()));
        return new BehavioralHealthCodes(new EnumMap<>(frozen), List.copyOf(entries), licenseModifiers(),
                Collections.unmodifiableMap(supervised));
    }

    private static Map<String, Set<String>> licenseModifiers() {
        Map<String, Set<String>> byCredential = new LinkedHashMap<>();
        for (String[] cells : rows(LICENSE_MODIFIERS, 3)) {
            Set<String> modifiers = new LinkedHashSet<>();
            for (String m : cells[1].trim().split("\\s+")) {
                if (!m.isBlank()) {
                    modifiers.add(m.toUpperCase(Locale.ROOT));
                }
            }
            byCredential.put(cells[0].trim(), Collections.unmodifiableSet(modifiers));
        }
        return Collections.unmodifiableMap(byCredential);
    }

    /** The data rows of a small CSV (comment lines start with #; the first other line is the header). */
    private static List<String[]> rows(String resource, int cellsPerRow) {
        InputStream in = BehavioralHealthCodes.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("code set missing from the classpath: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
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
                String[] cells = line.split(",", -1);
                if (cells.length != cellsPerRow) {
                    throw new IllegalStateException(resource + ": expected " + cellsPerRow + " cells in " + line);
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
