package org.overturn.denial;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.overturn.denial.internal.CodeListFiles;

/**
 * The official wording of CARCs (claim adjustment reason codes) and RARCs (remittance advice remark codes),
 * plus the small X12 lists a biller sees beside them (CAS groups, CLP02 statuses, PLB reasons).
 * <p>
 * {@link #shipped()} reads the copies in {@code reference/codes/} (see SOURCES.md there); X12 revises the
 * lists three times a year, so {@link #withNewerCarcs(Reader)} and {@link #withNewerRarcs(Reader)} lay an
 * admin-supplied X12 CSV over them without a release. A code in neither list is not an error: it is
 * described as {@value #UNKNOWN}. Immutable and thread-safe.
 */
public final class ReasonCodeList {

    public static final String UNKNOWN = "unknown code";

    private static final String FOLDER = "reference/codes/";

    private final Map<String, ReasonCode> carcs;
    private final Map<String, ReasonCode> rarcs;
    private final Map<String, String> groups;
    private final Map<String, String> claimStatuses;
    private final Map<String, String> providerAdjustments;

    private ReasonCodeList(Map<String, ReasonCode> carcs, Map<String, ReasonCode> rarcs, Map<String, String> groups,
            Map<String, String> claimStatuses, Map<String, String> providerAdjustments) {
        this.carcs = carcs;
        this.rarcs = rarcs;
        this.groups = groups;
        this.claimStatuses = claimStatuses;
        this.providerAdjustments = providerAdjustments;
    }

    /** The lists shipped in the jar. Reads the classpath each call: keep the result. */
    public static ReasonCodeList shipped() {
        return new ReasonCodeList(
                read("carc.csv", CodeListFiles::readShippedCodes),
                read("rarc.csv", CodeListFiles::readShippedCodes),
                read("cas_group_codes.csv", in -> CodeListFiles.readNames(in, "name")),
                read("claim_status_codes_clp02.csv", in -> CodeListFiles.readNames(in, "description")),
                read("plb_adjustment_reason_codes.csv", in -> CodeListFiles.readNames(in, "description")));
    }

    /**
     * This list with the CARCs of a newer X12 CSV laid over it: codes in the file replace ours, codes only
     * we know stay. Columns are found by header (code, description, start date, last modified, stop date);
     * all but the code may be missing.
     *
     * @throws IllegalArgumentException when the file has no code column
     */
    public ReasonCodeList withNewerCarcs(Reader x12Csv) {
        return new ReasonCodeList(overlay(carcs, CodeListFiles.readX12Codes(x12Csv, LocalDate.now())), rarcs, groups,
                claimStatuses, providerAdjustments);
    }

    /** Like {@link #withNewerCarcs(Reader)}, for RARCs. */
    public ReasonCodeList withNewerRarcs(Reader x12Csv) {
        return new ReasonCodeList(carcs, overlay(rarcs, CodeListFiles.readX12Codes(x12Csv, LocalDate.now())), groups,
                claimStatuses, providerAdjustments);
    }

    public Optional<ReasonCode> carc(String code) {
        return Optional.ofNullable(carcs.get(key(code)));
    }

    public Optional<ReasonCode> rarc(String code) {
        return Optional.ofNullable(rarcs.get(key(code)));
    }

    /** The CARC's official wording, or {@value #UNKNOWN}. */
    public String describeCarc(String code) {
        return carc(code).map(ReasonCode::description).orElse(UNKNOWN);
    }

    /** The RARC's official wording, or {@value #UNKNOWN}. */
    public String describeRarc(String code) {
        return rarc(code).map(ReasonCode::description).orElse(UNKNOWN);
    }

    /** CAS01 group name (CO Contractual Obligations, PR Patient Responsibility ...), or {@value #UNKNOWN}. */
    public String describeGroup(String code) {
        return groups.getOrDefault(key(code), UNKNOWN);
    }

    /** CLP02 claim status (4 Denied, 22 Reversal of Previous Payment ...), or {@value #UNKNOWN}. */
    public String describeClaimStatus(String code) {
        return claimStatuses.getOrDefault(key(code), UNKNOWN);
    }

    /** PLB adjustment reason (WO, L6, 72 ...), or {@value #UNKNOWN}. */
    public String describeProviderAdjustment(String code) {
        return providerAdjustments.getOrDefault(key(code), UNKNOWN);
    }

    /** Every CARC, in list order. */
    public Collection<ReasonCode> carcs() {
        return carcs.values();
    }

    /** Every RARC, in list order. */
    public Collection<ReasonCode> rarcs() {
        return rarcs.values();
    }

    private static Map<String, ReasonCode> overlay(Map<String, ReasonCode> base, List<ReasonCode> newer) {
        Map<String, ReasonCode> merged = new LinkedHashMap<>(base);
        newer.forEach(c -> merged.put(key(c.code()), c));
        return Collections.unmodifiableMap(merged);
    }

    private static <T> T read(String file, Function<Reader, T> reader) {
        InputStream in = ReasonCodeList.class.getClassLoader().getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IllegalStateException("code list missing from the classpath: " + FOLDER + file);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return reader.apply(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String code) {
        return CodeListFiles.key(code);
    }
}
