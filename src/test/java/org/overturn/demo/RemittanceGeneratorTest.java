package org.overturn.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemittanceGeneratorTest {

    private static final GeneratorSettings SETTINGS = GeneratorSettings.defaults()
            .withSeed(20250131L)
            .withClaimCount(6_000)
            .withClaimsPerTransaction(120)
            .withTransactionsPerInterchange(7);

    private static String text;
    private static ScannedRemittance scanned;

    @BeforeAll
    static void generate() throws IOException {
        text = generate(SETTINGS);
        scanned = ScannedRemittance.scan(text);
    }

    @Test
    void staediReadsTheFileWithoutAnyValidationError() throws Exception {
        StaediSummary summary = readWithStaedi(text);

        assertThat(summary.errors()).isEmpty();
        assertThat(summary.interchanges()).isEqualTo(SETTINGS.interchangeCount()).isEqualTo(8);
        assertThat(summary.transactions()).isEqualTo(SETTINGS.transactionCount()).isEqualTo(50);
        assertThat(summary.segmentCounts().get("CLP")).isEqualTo(6_000);
    }

    @Test
    void staediWouldReportAWrongSegmentCountSoTheCheckAboveMeansSomething() throws Exception {
        String tampered = text.replaceFirst("(?m)^SE\\*(\\d+)\\*", "SE*9$1*");

        assertThat(readWithStaedi(tampered).errors()).isNotEmpty();
    }

    @Test
    void writesOneSegmentPerLineWithTheDeclaredDelimiters() {
        String isa = text.substring(0, text.indexOf('\n'));

        assertThat(isa).hasSize(106).startsWith("ISA*00*").endsWith("*^*00501*000000001*0*P*:~");
        assertThat(text.lines()).allMatch(line -> line.endsWith("~"));
        assertThat(text).contains("GS*HP*").contains("*X*005010X221A1~");
        assertThat(text).isEqualTo(new String(text.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII));
    }

    @Test
    void claimCountsFollowTheSettings() {
        assertThat(scanned.interchanges()).isEqualTo(8);
        assertThat(scanned.transactions()).hasSize(50)
                .allSatisfy(t -> assertThat(t.claims()).hasSize(120));
        assertThat(scanned.claims()).hasSize(6_000);
    }

    @Test
    void lastTransactionTakesTheRemainingClaims() throws IOException {
        ScannedRemittance file = ScannedRemittance.scan(generate(SETTINGS.withClaimCount(250)
                .withClaimsPerTransaction(100).withTransactionsPerInterchange(2)));

        assertThat(file.transactions()).extracting(t -> t.claims().size()).containsExactly(100, 100, 50);
        assertThat(file.interchanges()).isEqualTo(2);
    }

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDoesNot() throws IOException {
        GeneratorSettings small = SETTINGS.withClaimCount(800);

        assertThat(generate(small)).isEqualTo(generate(small));
        String other = generate(small.withSeed(7L));
        assertThat(other).isNotEqualTo(generate(small));
        Set<String> claimIds = new HashSet<>();
        ScannedRemittance.scan(generate(small)).claims().forEach(c -> claimIds.add(c.patientControlNumber()));
        assertThat(ScannedRemittance.scan(other).claims()).noneMatch(c -> claimIds.contains(c.patientControlNumber()));
    }

    @Test
    void paymentEqualsClaimPaymentsLessProviderAdjustments() {
        assertThat(scanned.transactions()).allSatisfy(t ->
                assertThat(t.bpr02()).isEqualByComparingTo(t.paidTotal().subtract(t.providerAdjustmentTotal())));
    }

    @Test
    void everyClaimAndLineBalancesWithItsAdjustments() {
        assertThat(scanned.claims()).allSatisfy(claim -> {
            BigDecimal adjustments = claim.allAdjustments().stream().map(ScannedRemittance.Adjustment::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(claim.charge().subtract(claim.paid())).isEqualByComparingTo(adjustments);
            assertThat(claim.lines().stream().map(ScannedRemittance.Line::charge).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo(claim.lines().isEmpty() ? BigDecimal.ZERO : claim.charge());
            claim.lines().forEach(line -> assertThat(line.charge().subtract(line.paid())).isEqualByComparingTo(
                    line.adjustments().stream().map(ScannedRemittance.Adjustment::amount)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)));
        });
    }

    @Test
    void patientResponsibilityIsTheSumOfPatientAdjustments() {
        assertThat(scanned.claims()).allSatisfy(claim -> assertThat(claim.patientResponsibility())
                .isEqualByComparingTo(claim.allAdjustments().stream().filter(a -> "PR".equals(a.group()))
                        .map(ScannedRemittance.Adjustment::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
    }

    @Test
    void everyAmountHasTwoDecimals() {
        assertThat(text.lines().filter(l -> l.startsWith("CLP") || l.startsWith("SVC") || l.startsWith("CAS")))
                .allSatisfy(l -> assertThat(l.split("[*~]")).filteredOn(e -> e.matches("-?\\d+\\.\\d*"))
                        .allMatch(e -> e.matches("-?\\d+\\.\\d{2}")));
    }

    @Test
    void denialRateAndPartialShareFollowTheSettings() {
        List<ScannedRemittance.Claim> adjudicated = scanned.claims().stream()
                .filter(c -> !c.reversal()).toList();
        long denials = adjudicated.stream().filter(c -> c.denialKind() != null).count();
        long partials = adjudicated.stream().filter(c -> "PARTIAL".equals(c.denialKind())).count();

        assertThat((double) denials / adjudicated.size()).isCloseTo(SETTINGS.denialRate(), within(0.02));
        assertThat((double) partials / denials).isCloseTo(SETTINGS.partialShare(), within(0.06));
    }

    @Test
    void denialRateCanBeTurnedUpAndOff() throws IOException {
        // payers deny at different rates around the setting, so many small payment runs keep the mix close
        GeneratorSettings manyRuns = SETTINGS.withClaimCount(3_000).withClaimsPerTransaction(25);
        List<ScannedRemittance.Claim> heavy = ScannedRemittance.scan(generate(manyRuns.withDenialRate(0.40)))
                .claims().stream().filter(c -> !c.reversal()).toList();
        List<ScannedRemittance.Claim> none = ScannedRemittance.scan(generate(manyRuns.withDenialRate(0.0))).claims();

        assertThat((double) heavy.stream().filter(c -> c.denialKind() != null).count() / heavy.size())
                .isCloseTo(0.40, within(0.04));
        assertThat(none).allMatch(c -> c.denialKind() == null);
    }

    @Test
    void deniedClaimsCarryTheCodesPayersSendForEachRootCause() {
        List<ScannedRemittance.Claim> claims = scanned.claims();

        assertThat(reasons(claims)).contains("197", "27", "4", "11", "16", "50", "119", "29", "18", "B7", "22", "97");
        assertThat(linesDeniedWith(claims, "197")).allMatch(l -> l.remarks().contains("N54"));
        assertThat(linesDeniedWith(claims, "B7")).allMatch(l -> l.remarks().contains("N290"));
        assertThat(linesDeniedWith(claims, "16")).isNotEmpty().allMatch(l -> l.remarks().contains("MA130"));
        assertThat(linesDeniedWith(claims, "4")).isNotEmpty()
                .allMatch(l -> l.modifiers().stream().anyMatch(Set.of("95", "GT", "FQ", "93")::contains));
        assertThat(linesDeniedWith(claims, "97")).isNotEmpty()
                .allMatch(l -> Set.of("90785", "90833", "90836").contains(l.procedure()));
        assertThat(claims).filteredOn(c -> c.adjustments().stream().anyMatch(a -> "16".equals(a.reason())))
                .allMatch(c -> c.remarks().contains("MA130"));
        assertThat(claims).filteredOn(c -> hasReason(c, "18") || hasReason(c, "22"))
                .allMatch(c -> c.allAdjustments().stream().filter(a -> Set.of("18", "22").contains(a.reason()))
                        .allMatch(a -> "OA".equals(a.group())));
    }

    @Test
    void paidClaimsOnlyCarryRoutineAdjustments() {
        assertThat(scanned.claims()).filteredOn(c -> c.denialKind() == null && !c.reversal())
                .allSatisfy(c -> assertThat(c.allAdjustments()).extracting(a -> a.group() + "-" + a.reason())
                        .allMatch(code -> Set.of("CO-45", "CO-253", "PR-1", "PR-2", "PR-3").contains(code)));
        assertThat(scanned.claims()).flatExtracting(ScannedRemittance.Claim::allAdjustments)
                .extracting(a -> a.group() + "-" + a.reason())
                .contains("CO-45", "CO-253", "PR-1", "PR-2", "PR-3");
    }

    @Test
    void reversalsNegateAnEarlierPaymentOfTheSamePayer() {
        List<ScannedRemittance.Claim> claims = scanned.claims();
        List<ScannedRemittance.Claim> reversals = claims.stream().filter(ScannedRemittance.Claim::reversal).toList();

        assertThat(reversals).isNotEmpty().allSatisfy(reversal -> {
            assertThat(reversal.charge().signum()).isNegative();
            assertThat(reversal.paid().signum()).isNegative();
            int at = claims.indexOf(reversal);
            assertThat(claims.subList(0, at)).anySatisfy(original -> {
                assertThat(original.payerClaimControlNumber()).isEqualTo(reversal.payerClaimControlNumber());
                assertThat(original.paid()).isEqualByComparingTo(reversal.paid().negate());
            });
            ScannedRemittance.Claim corrected = claims.get(at + 1);
            assertThat(corrected.patientControlNumber()).isEqualTo(reversal.patientControlNumber());
            assertThat(corrected.status()).isEqualTo("1");
        });
    }

    @Test
    void providerLevelAdjustmentsIncludeInterestAndRecoveries() {
        assertThat(text).containsPattern("PLB\\*\\d{10}\\*20251231\\*L6:\\d+\\*-\\d+\\.\\d{2}")
                .containsPattern("\\*WO:\\d+\\*\\d+\\.\\d{2}");
    }

    @Test
    void coversEveryPlanTypeWithItsFilingIndicator() {
        assertThat(scanned.claims()).extracting(ScannedRemittance.Claim::filingIndicator).contains("12", "13", "HM",
                "MB", "16", "MC");
    }

    @Test
    void billsTheBehavioralHealthCodeMixIncludingTelehealthAndPerDiems() {
        Set<String> procedures = new HashSet<>();
        Set<String> modifiers = new HashSet<>();
        scanned.claims().forEach(c -> c.lines().forEach(l -> {
            procedures.add(l.procedure());
            modifiers.addAll(l.modifiers());
        }));

        assertThat(procedures).contains("90791", "90832", "90834", "90837", "99213", "99214", "90833", "90836",
                "90846", "90847", "90853", "H0035", "S9480", "H0015", "H2019", "H0004", "H0005");
        assertThat(modifiers).contains("95", "GT", "FQ", "HF");
        assertThat(text).containsPattern("SVC\\*HC:H0035\\*525\\.00\\*\\d+\\.\\d{2}\\*0912\\*1~");
    }

    @Test
    void part2ProgramClaimsFollowTheConfiguredShare() {
        Set<String> part2 = Set.copyOf(Clinic.riverbend().part2Npis());
        List<ScannedRemittance.Claim> adjudicated = scanned.claims().stream().filter(c -> !c.reversal()).toList();
        long sud = adjudicated.stream().filter(c -> part2.contains(c.renderingNpi())).count();

        assertThat((double) sud / adjudicated.size()).isCloseTo(SETTINGS.part2Share(), within(0.02));
        assertThat(adjudicated).filteredOn(c -> c.lines().stream().anyMatch(l -> l.procedure().matches("H00(0[1-9]|1\\d)")))
                .isNotEmpty().allMatch(c -> part2.contains(c.renderingNpi()));
    }

    @Test
    void everyNpiHasAValidCheckDigit() {
        assertThat(Npi.isValid("1234567893")).isTrue();
        assertThat(Npi.isValid("1234567890")).isFalse();
        assertThat(Clinic.riverbend().clinicians()).extracting(Clinician::npi).allMatch(Npi::isValid);
        assertThat(Npi.isValid(Clinic.riverbend().npi())).isTrue();
        assertThat(scanned.claims()).extracting(ScannedRemittance.Claim::renderingNpi).allMatch(Npi::isValid);
    }

    @Test
    void paymentDatesStayInsideTheConfiguredRange() {
        List<LocalDate> dates = new ArrayList<>();
        text.lines().filter(l -> l.startsWith("BPR")).forEach(l -> {
            String[] e = l.substring(0, l.length() - 1).split("\\*");
            dates.add(LocalDate.parse(e[e.length - 1], java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
        });

        assertThat(dates).hasSize(50).isSorted()
                .allMatch(d -> !d.isBefore(SETTINGS.firstPaymentDate()) && !d.isAfter(SETTINGS.lastPaymentDate()));
        assertThat(dates.get(0)).isEqualTo(SETTINGS.firstPaymentDate());
        assertThat(dates.get(49)).isEqualTo(SETTINGS.lastPaymentDate());
    }

    @Test
    void payerMixCanLeaveOutPlanTypes() throws IOException {
        Map<PlanType, Double> medicaidOnly = new EnumMap<>(PlanType.class);
        medicaidOnly.put(PlanType.MEDICAID, 1.0);

        ScannedRemittance file = ScannedRemittance.scan(generate(SETTINGS.withClaimCount(500).withPayerMix(medicaidOnly)));

        assertThat(file.claims()).extracting(ScannedRemittance.Claim::filingIndicator).containsOnly("MC");
    }

    @Test
    void streamsFiftyThousandClaims() throws IOException {
        CountingWriter out = new CountingWriter();

        new RemittanceGenerator().write(SETTINGS.withClaimCount(50_000).withClaimsPerTransaction(500), out);

        assertThat(out.claims).isEqualTo(50_000);
        assertThat(out.characters).isGreaterThan(15_000_000L);
    }

    @Test
    void writeFileNamesTheFileWhenGivenADirectory(@TempDir Path directory) throws IOException {
        GeneratorSettings small = SETTINGS.withClaimCount(10);

        Path named = new RemittanceGenerator().writeFile(small, directory);
        Path chosen = new RemittanceGenerator().writeFile(small, directory.resolve("in/today.835"));

        assertThat(named).isEqualTo(directory.resolve("remittance-20250131-10.835"));
        assertThat(Files.readString(named)).isEqualTo(Files.readString(chosen)).startsWith("ISA*");
    }

    @Test
    void rejectsSettingsThatCannotBeHonoured() {
        GeneratorSettings base = GeneratorSettings.defaults();

        assertThatThrownBy(() -> base.withClaimCount(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withClaimsPerTransaction(GeneratorSettings.MAX_CLAIMS_PER_TRANSACTION + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withDenialRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withPayerMix(Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withPaymentDates(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> reasons(List<ScannedRemittance.Claim> claims) {
        Set<String> reasons = new HashSet<>();
        claims.forEach(c -> c.allAdjustments().forEach(a -> reasons.add(a.reason())));
        return reasons;
    }

    private static boolean hasReason(ScannedRemittance.Claim claim, String reason) {
        return claim.allAdjustments().stream().anyMatch(a -> reason.equals(a.reason()));
    }

    private static List<ScannedRemittance.Line> linesDeniedWith(List<ScannedRemittance.Claim> claims, String reason) {
        Predicate<ScannedRemittance.Line> denied = l -> l.adjustments().stream().anyMatch(a -> reason.equals(a.reason()));
        return claims.stream().flatMap(c -> c.lines().stream()).filter(denied).toList();
    }

    static String generate(GeneratorSettings settings) throws IOException {
        StringWriter out = new StringWriter(settings.claimCount() * 500);
        new RemittanceGenerator().write(settings, out);
        return out.toString();
    }

    record StaediSummary(int interchanges, int transactions, Map<String, Integer> segmentCounts, List<String> errors) {
    }

    static StaediSummary readWithStaedi(String edi) throws Exception {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        int interchanges = 0;
        int transactions = 0;
        Map<String, Integer> segments = new java.util.HashMap<>();
        List<String> errors = new ArrayList<>();
        try (EDIStreamReader reader = factory.createEDIStreamReader(
                new ByteArrayInputStream(edi.getBytes(StandardCharsets.US_ASCII)))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_INTERCHANGE -> interchanges++;
                    case START_TRANSACTION -> transactions++;
                    case START_SEGMENT -> segments.merge(reader.getText(), 1, Integer::sum);
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            errors.add(event + " " + reader.getErrorType() + " at " + reader.getLocation());
                    default -> {
                        // data events need no checking here
                    }
                }
            }
        } catch (io.xlate.edi.stream.EDIStreamException e) {
            errors.add(e.getMessage());
        }
        return new StaediSummary(interchanges, transactions, segments, errors);
    }

    /** Discards the text but counts it, to show that a large file never has to sit in memory. */
    private static final class CountingWriter extends Writer {
        private long characters;
        private int claims;
        private int lineStart = 0;
        private final char[] head = new char[4];

        @Override
        public void write(char[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = buffer[i];
                if (lineStart < 4) {
                    head[lineStart] = c;
                    if (lineStart == 3 && head[0] == 'C' && head[1] == 'L' && head[2] == 'P' && head[3] == '*') {
                        claims++;
                    }
                }
                lineStart = c == '\n' ? 0 : lineStart + 1;
                characters++;
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
