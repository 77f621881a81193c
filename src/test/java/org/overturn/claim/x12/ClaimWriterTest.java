package org.overturn.claim.x12;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.overturn.claim.x12.ClaimBatches.CHILD;
import static org.overturn.claim.x12.ClaimBatches.CLINIC;
import static org.overturn.claim.x12.ClaimBatches.LCSW;
import static org.overturn.claim.x12.ClaimBatches.PARENT;
import static org.overturn.claim.x12.ClaimBatches.SUBSCRIBER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;

/**
 * The 837 the writer lays out, checked segment by segment without a reader: the envelope and its control numbers,
 * the segment count, the HL tree, the loops of each kind of claim, the defaults, what never leaks from a value, and
 * what is refused before anything is written.
 */
class ClaimWriterTest {

    private final ClaimWriter writer = ClaimWriter.standard();

    static Stream<ClaimBatch> batches() {
        return Stream.of(ClaimBatches.professional(), ClaimBatches.institutional());
    }

    private X12Lines write(ClaimBatch batch) {
        return X12Lines.of(writer.write(batch));
    }

    // ---- envelope and counts

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("batches")
    void theInterchangeHeaderIsFixedWidthWithTheDeclaredDelimiters(ClaimBatch batch) {
        X12Lines file = write(batch);

        String isa = file.segments().get(0) + "~";
        assertThat(isa).hasSize(106).startsWith("ISA*");
        String[] e = X12Lines.elements(file.segments().get(0));
        assertThat(e).hasSize(17);
        assertThat(e[1]).isEqualTo("00");
        assertThat(e[2]).isEqualTo(" ".repeat(10));
        assertThat(e[3]).isEqualTo("00");
        assertThat(e[4]).isEqualTo(" ".repeat(10));
        assertThat(e[5]).isEqualTo("ZZ");
        assertThat(e[6]).isEqualTo("RBH0001        ");
        assertThat(e[7]).isEqualTo("ZZ");
        assertThat(e[8]).isEqualTo("CPEDI01        ");
        assertThat(e[9]).isEqualTo("250320");
        assertThat(e[10]).isEqualTo("1405");
        assertThat(e[11]).isEqualTo("^");
        assertThat(e[12]).isEqualTo("00501");
        assertThat(e[13]).isEqualTo("000000042");
        assertThat(e[14]).isEqualTo("0");
        assertThat(e[15]).isEqualTo("T");
        assertThat(e[16]).isEqualTo(":");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("batches")
    void controlNumbersPairUpAndTheGroupNamesTheImplementation(ClaimBatch batch) {
        X12Lines file = write(batch);

        String[] isa = file.first("ISA");
        String[] iea = file.first("IEA");
        String[] gs = file.first("GS");
        String[] ge = file.first("GE");
        String[] st = file.first("ST");
        String[] se = file.first("SE");
        assertThat(iea[2]).as("IEA02 = ISA13").isEqualTo(isa[13]);
        assertThat(iea[1]).as("IEA01: one group").isEqualTo("1");
        assertThat(ge[2]).as("GE02 = GS06").isEqualTo(gs[6]).isEqualTo("42");
        assertThat(ge[1]).as("GE01: one transaction set").isEqualTo("1");
        assertThat(se[2]).as("SE02 = ST02").isEqualTo(st[2]).isEqualTo("0001");
        String implementation = batch.kind().implementation();
        assertThat(gs).containsExactly("GS", "HC", "RBH0001", "CPEDI01", "20250320", "1405", "42", "X",
                implementation);
        assertThat(st).containsExactly("ST", "837", "0001", implementation);
        assertThat(file.segments()).contains("BHT*0019*00*RBH-2025-0320-01*20250320*1405*CH");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("batches")
    void se01CountsTheSegmentsFromStToSe(ClaimBatch batch) {
        X12Lines file = write(batch);

        List<String> tags = file.segments().stream().map(s -> X12Lines.elements(s)[0]).toList();
        assertThat(tags.get(0)).isEqualTo("ISA");
        assertThat(tags.get(1)).isEqualTo("GS");
        assertThat(tags.get(2)).isEqualTo("ST");
        assertThat(tags.subList(tags.size() - 3, tags.size())).containsExactly("SE", "GE", "IEA");
        for (String envelope : List.of("ISA", "GS", "ST", "SE", "GE", "IEA", "BHT")) {
            assertThat(tags).as(envelope).containsOnlyOnce(envelope);
        }
        int st = tags.indexOf("ST");
        int se = tags.indexOf("SE");
        assertThat(Integer.parseInt(file.first("SE")[1])).isEqualTo(se - st + 1);
    }

    @Test
    void aProductionBatchSaysSoInIsa15() {
        ClaimBatch test = ClaimBatches.professional();
        ClaimBatch production = new ClaimBatch(test.kind(), test.senderId(), test.receiverId(),
                999_999_999L, test.createdAt(), test.reference(), true, test.submitter(),
                test.submitterContactName(), test.submitterContactPhone(), test.receiver(), test.claims());

        X12Lines file = write(production);

        assertThat(file.first("ISA")[15]).isEqualTo("P");
        assertThat(file.first("ISA")[13]).isEqualTo("999999999");
        assertThat(file.first("IEA")[2]).isEqualTo("999999999");
        assertThat(file.first("GS")[6]).isEqualTo("999999999");
        assertThat(file.segments().get(0)).hasSize(105);
    }

    // ---- hierarchy

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("batches")
    void everyHierarchicalLevelHangsFromTheLevelAboveIt(ClaimBatch batch) {
        X12Lines file = write(batch);

        List<String[]> levels = file.all("HL");
        Map<String, String> levelOf = new HashMap<>();
        Set<String> parents = new java.util.HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            String[] hl = levels.get(i);
            assertThat(hl[1]).as("HL01 counts up from 1").isEqualTo(String.valueOf(i + 1));
            switch (hl[3]) {
                case "20" -> assertThat(hl[2]).as("a billing provider has no parent").isEmpty();
                case "22" -> assertThat(levelOf.get(hl[2])).as("a subscriber's parent is a billing provider")
                        .isEqualTo("20");
                case "23" -> assertThat(levelOf.get(hl[2])).as("a patient's parent is a subscriber").isEqualTo("22");
                default -> throw new AssertionError("unexpected HL03 " + hl[3]);
            }
            levelOf.put(hl[1], hl[3]);
            parents.add(hl[2]);
        }
        for (String[] hl : levels) {
            assertThat(hl[4]).as("HL04 of HL " + hl[1] + " tells whether a level hangs from it")
                    .isEqualTo(parents.contains(hl[1]) ? "1" : "0");
        }
        // a claim belongs to a subscriber level without a patient below it, or to a patient level
        String lastLevel = null;
        String lastChildCode = null;
        for (String segment : file.segments()) {
            String[] e = X12Lines.elements(segment);
            if (e[0].equals("HL")) {
                lastLevel = e[3];
                lastChildCode = e[4];
            } else if (e[0].equals("CLM")) {
                assertThat(lastLevel).isIn("22", "23");
                assertThat(lastChildCode).isEqualTo("0");
            }
        }
        assertThat(file.all("CLM")).hasSize(batch.claims().size());
    }

    @Test
    void claimsKeepTheirOrderAndShareTheLevelsOfTheClaimBefore() {
        X12Lines file = write(ClaimBatches.professional());

        assertThat(file.all("CLM").stream().map(e -> e[1]))
                .containsExactly("PCN1001", "PCN1002", "PCN1003", "PCN1004");
        assertThat(file.all("HL").stream().map(e -> String.join("*", e)))
                .containsExactly("HL*1**20*1", "HL*2*1*22*0", "HL*3*1*22*1", "HL*4*3*23*0", "HL*5**20*1",
                        "HL*6*5*22*0");
    }

    // ---- the professional claim

    @Test
    void aProfessionalClaimIsWrittenLoopByLoop() {
        X12Lines file = write(ClaimBatches.professional());

        assertThat(file.between("HL*1*", "HL*2*")).containsExactly(
                "HL*1**20*1",
                "PRV*BI*PXC*261QM0801X",
                "NM1*85*2*RIVERBEND BEHAVIORAL HEALTH*****XX*1234567893",
                "N3*400 RIVER ROAD*SUITE 2",
                "N4*HARRISBURG*PA*171011234",
                "REF*EI*123456789");
        assertThat(file.between("HL*2*", "CLM*PCN1001")).containsExactly(
                "HL*2*1*22*0",
                "SBR*P*18*******CI",
                "NM1*IL*1*TESTPATIENT*JORDAN****MI*KHP100200300",
                "DMG*D8*19840312*F",
                "NM1*PR*2*KEYSTONE HEALTH PLAN*****PI*60054");
        assertThat(file.between("CLM*PCN1001", "CLM*PCN1002")).containsExactly(
                "CLM*PCN1001*180.00***10:B:1*Y*A*Y*Y",
                "HI*ABK:F331*ABF:F411",
                "NM1*82*1*MORALES*ANA****XX*1497758544",
                "PRV*PE*PXC*1041C0700X",
                "LX*1",
                "SV1*HC:90837:95*180.00*UN*1***1:2",
                "DTP*472*D8*20250304",
                "REF*6R*L1001-1");
    }

    @Test
    void thePsychiatryReplacementCarriesItsReferencesAndTheAddOnLineItsAuthorization() {
        X12Lines file = write(ClaimBatches.professional());

        assertThat(file.between("CLM*PCN1002", "HL*3*")).containsExactly(
                "CLM*PCN1002*310.00***11:B:7*Y*A*Y*Y",
                "REF*9F*RF12345",
                "REF*G1*PA778899",
                "REF*F8*2025031400123",
                "HI*ABK:F329*ABF:F411",
                "NM1*82*1*OKAFOR*DANIEL****XX*1679576722",
                "PRV*PE*PXC*2084P0800X",
                "LX*1",
                "SV1*HC:99214*165.00*UN*1***1:2",
                "DTP*472*D8*20250306",
                "REF*6R*L1002-1",
                "LX*2",
                "SV1*HC:90833*145.00*UN*1***1",
                "DTP*472*D8*20250306",
                "REF*G1*PA778899-2",
                "REF*6R*L1002-2");
    }

    @Test
    void aDependentGetsAPatientLevelUnderTheSubscriber() {
        X12Lines file = write(ClaimBatches.professional());

        assertThat(file.between("HL*3*", "CLM*PCN1003")).containsExactly(
                "HL*3*1*22*1",
                "SBR*P********CI",
                "NM1*IL*1*SAMPLE*CHRIS****MI*KHP555000111",
                "DMG*D8*19790701*M",
                "NM1*PR*2*KEYSTONE HEALTH PLAN*****PI*60054",
                "HL*4*3*23*0",
                "PAT*21",
                "NM1*QC*1*SAMPLE*RILEY",
                "DMG*D8*20081123*U");
    }

    @Test
    void aLineNamesItsOwnRenderingProviderAndItsPlaceOfServiceWhenTheyDiffer() {
        X12Lines file = write(ClaimBatches.professional());

        assertThat(file.between("CLM*PCN1003", "HL*5*")).containsExactly(
                "CLM*PCN1003*880.00***57:B:8*Y*A*Y*Y",
                "REF*F8*2025022800456",
                "HI*ABK:F1020*ABF:F4310",
                "NM1*82*1*LINDQVIST*MARA****XX*1245319599",
                "PRV*PE*PXC*101YA0400X",
                "LX*1",
                "SV1*HC:H0015:HF*220.00*UN*1***1",
                "DTP*472*D8*20250217",
                "LX*2",
                "SV1*HC:H0015:HF:95*660.00*UN*3*02**1:2",
                "DTP*472*RD8*20250218-20250220",
                "NM1*82*1*MORALES*ANA****XX*1497758544",
                "PRV*PE*PXC*1041C0700X");
    }

    @Test
    void aLinePlaceOfServiceEqualToTheClaimsIsNotRepeated() {
        BilledClaim claim = ClaimBatches.psychotherapyByTelehealth();
        BilledLine line = claim.lines().get(0);
        BilledLine samePlace = new BilledLine(1, null, "HC", "90837", List.of("95"), line.charge(), "UN",
                line.units(), "10", List.of(1), line.serviceDate(), null, null, null, null);

        X12Lines file = write(ClaimBatches.batch(ClaimKind.PROFESSIONAL,
                List.of(ClaimBatches.withLines(claim, List.of(samePlace)))));

        assertThat(file.segments()).contains("SV1*HC:90837:95*180.00*UN*1***1");
    }

    @Test
    void anIndividualBillingProviderWithoutARenderingOneIsNamedAsAPerson() {
        X12Lines file = write(ClaimBatches.professional());

        assertThat(file.segments()).contains("NM1*85*1*PATEL*PRIYA****XX*1861430262");
        assertThat(file.between("CLM*PCN1004", "SE*")).noneMatch(s -> s.startsWith("NM1*82"));
    }

    // ---- the institutional claim

    @Test
    void anInstitutionalClaimIsWrittenLoopByLoop() {
        X12Lines file = write(ClaimBatches.institutional());

        assertThat(file.segments()).contains("NM1*85*2*RIVERBEND BEHAVIORAL HOSPITAL*****XX*1588667638");
        assertThat(file.between("CLM*IOP2025031", "HL*3*")).containsExactly(
                "CLM*IOP2025031*1650.00***13:A:1**A*Y*Y",
                "DTP*434*RD8*20250303-20250307",
                "CL1*3**01",
                "HI*ABK:F1020",
                "HI*ABF:F332",
                "HI*BI:72:RD8:20250303-20250307",
                "NM1*71*1*BRANDT*HELEN****XX*1356482913",
                "PRV*AT*PXC*2084P0800X",
                "LX*1",
                "SV2*0905*HC:S9480*500.00*UN*1",
                "DTP*472*D8*20250303",
                "REF*6R*L-IOP-1",
                "LX*2",
                "SV2*0906*HC:H0015:HF*450.00*UN*1",
                "DTP*472*D8*20250304",
                "REF*6R*L-IOP-2",
                "LX*3",
                "SV2*0912**700.00*DA*1",
                "DTP*472*D8*20250305",
                "NM1*82*1*OKAFOR*DANIEL****XX*1679576722");
    }

    @Test
    void anInstitutionalReplacementForADependentCarriesTheOriginalReference() {
        X12Lines file = write(ClaimBatches.institutional());

        assertThat(file.between("HL*3*", "HL*5*")).containsExactly(
                "HL*3*1*22*1",
                "SBR*P********CI",
                "NM1*IL*1*SAMPLE*CHRIS****MI*KHP555000111",
                "DMG*D8*19790701*M",
                "NM1*PR*2*KEYSTONE HEALTH PLAN*****PI*60054",
                "HL*4*3*23*0",
                "PAT*21",
                "NM1*QC*1*SAMPLE*RILEY",
                "DMG*D8*20081123*U",
                "CLM*PHP2025032*2500.00***13:A:7**A*Y*Y",
                "DTP*434*RD8*20250310-20250314",
                "CL1*3**01",
                "REF*9F*RF-20250301",
                "REF*G1*AUTH-55501",
                "REF*F8*ICN20250310777",
                "HI*ABK:F332",
                "NM1*71*1*OKAFOR*DANIEL****XX*1679576722",
                "PRV*AT*PXC*2084P0800X",
                "LX*1",
                "SV2*0912*HC:S0201*2500.00*DA*5",
                "DTP*472*RD8*20250310-20250314",
                "REF*6R*L-PHP-1");
    }

    @Test
    void anInpatientVoidHasItsAdmissionDateAndPointOfOrigin() {
        X12Lines file = write(ClaimBatches.institutional());

        assertThat(file.between("CLM*INP2025020", "SE*")).containsExactly(
                "CLM*INP2025020*3200.00***11:A:8**A*Y*Y",
                "DTP*434*RD8*20250201-20250205",
                "DTP*435*D8*20250201",
                "CL1*3*1*01",
                "REF*G1*AUTH-40404",
                "REF*F8*ICN20250201999",
                "HI*ABK:F322",
                "HI*ABF:F411",
                "NM1*71*1*BRANDT*HELEN****XX*1356482913",
                "PRV*AT*PXC*2084P0800X",
                "LX*1",
                "SV2*0124**3200.00*DA*4");
    }

    @Test
    void withoutStatementDatesTheStatementPeriodIsTheLinesDatesOfService() {
        BilledClaim claim = ClaimBatches.withStatement(firstClaim(ClaimKind.INSTITUTIONAL), null, null);

        X12Lines file = write(ClaimBatches.batch(ClaimKind.INSTITUTIONAL, List.of(claim)));

        assertThat(file.segments()).contains("DTP*434*RD8*20250303-20250305");
    }

    @Test
    void anInterimInstitutionalClaimSaysThePatientIsStillThere() {
        BilledClaim claim = ClaimBatches.withFrequency(firstClaim(ClaimKind.INSTITUTIONAL), "2", null);

        X12Lines file = write(ClaimBatches.batch(ClaimKind.INSTITUTIONAL, List.of(claim)));

        assertThat(file.segments()).contains("CL1*3**30");
    }

    @Test
    void otherDiagnosesAndOccurrenceSpansGoTwelveToAnHi() {
        List<String> diagnoses = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            diagnoses.add("F" + (400 + i));
        }
        BilledClaim base = firstClaim(ClaimKind.INSTITUTIONAL);
        BilledClaim claim = new BilledClaim(base.kind(), base.patientControlNumber(), base.charge(),
                base.facilityCode(), base.facilityQualifier(), base.frequency(), base.payer(), base.billingProvider(),
                base.renderingProvider(), base.subscriber(), base.patient(), base.filingIndicator(), diagnoses,
                null, null, null, null, null, base.statementFrom(), base.statementTo(), base.occurrenceSpans(),
                base.lines());

        X12Lines file = write(ClaimBatches.batch(ClaimKind.INSTITUTIONAL, List.of(claim)));

        List<String[]> his = file.all("HI");
        assertThat(his).hasSize(4);
        assertThat(his.get(0)).containsExactly("HI", "ABK:F400");
        assertThat(his.get(1)).hasSize(13).allMatch(e -> e.equals("HI") || e.startsWith("ABF:"));
        assertThat(his.get(2)).containsExactly("HI", "ABF:F413", "ABF:F414");
        assertThat(his.get(3)).containsExactly("HI", "BI:72:RD8:20250303-20250307");
    }

    // ---- replacement and void

    static Stream<Arguments> replacementsAndVoids() {
        return Stream.of(
                Arguments.of(ClaimKind.PROFESSIONAL, "7"), Arguments.of(ClaimKind.PROFESSIONAL, "8"),
                Arguments.of(ClaimKind.INSTITUTIONAL, "7"), Arguments.of(ClaimKind.INSTITUTIONAL, "8"));
    }

    @ParameterizedTest(name = "{0} frequency {1}")
    @MethodSource("replacementsAndVoids")
    void aReplacementOrVoidCarriesTheOriginalClaimsReference(ClaimKind kind, String frequency) {
        BilledClaim claim = ClaimBatches.withFrequency(firstClaim(kind), frequency, "PAYERICN000123");

        X12Lines file = write(ClaimBatches.batch(kind, List.of(claim)));

        assertThat(file.first("CLM")[5]).endsWith(":" + frequency);
        assertThat(file.segments()).containsOnlyOnce("REF*F8*PAYERICN000123");
    }

    @ParameterizedTest(name = "{0} frequency {1}")
    @MethodSource("replacementsAndVoids")
    void aReplacementOrVoidWithoutTheOriginalReferenceIsRefused(ClaimKind kind, String frequency) {
        BilledClaim claim = ClaimBatches.withFrequency(firstClaim(kind), frequency, null);
        ClaimBatch batch = ClaimBatches.batch(kind, List.of(claim));

        assertThatThrownBy(() -> writer.write(batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim 1")
                .hasMessageContaining("frequency " + frequency)
                .hasMessageContaining("REF*F8")
                .hasMessageContaining("originalReference");
    }

    @Test
    void anOriginalClaimHasNoOriginalReference() {
        X12Lines file = write(ClaimBatches.batch(ClaimKind.PROFESSIONAL,
                List.of(ClaimBatches.psychotherapyByTelehealth())));

        assertThat(file.all("REF")).noneMatch(e -> e[1].equals("F8"));
    }

    // ---- values made safe

    @Test
    void delimitersInFreeTextBecomeSpacesAndTextIsUpperCased() {
        ClaimPerson subscriber = new ClaimPerson("KHP100200300", "O'Brien*Smith~Jr", "Zoë:Ann^Marie",
                LocalDate.of(1984, 3, 12), "F");
        ClaimProvider billing = new ClaimProvider("1234567893", "Riverbend * Behavioral ~ Health", null, null,
                "12-3456789", new ClaimAddress("400 River Rd\nSuite 2", null, "Harrisburg", "pa", "17101-1234"));
        BilledClaim claim = ClaimBatches.withPeople(ClaimBatches.psychotherapyByTelehealth(), billing, subscriber,
                subscriber);

        X12Lines file = write(ClaimBatches.batch(ClaimKind.PROFESSIONAL, List.of(claim)));

        assertThat(file.segments()).contains(
                "NM1*IL*1*O'BRIEN SMITH JR*ZOE ANN MARIE****MI*KHP100200300",
                "NM1*85*2*RIVERBEND BEHAVIORAL HEALTH*****XX*1234567893",
                "N3*400 RIVER RD SUITE 2",
                "N4*HARRISBURG*PA*171011234",
                "REF*EI*123456789");
        assertNoDelimiterLeaks(file);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("batches")
    void noDelimiterLeaksFromAValue(ClaimBatch batch) {
        assertNoDelimiterLeaks(write(batch));
    }

    /**
     * After the ISA, {@code ^} appears nowhere (nothing repeats), {@code :} only inside the composites the writer
     * builds (CLM05, SV101, SV107, SV202, HI), and every segment has no more elements than its layout.
     */
    private static void assertNoDelimiterLeaks(X12Lines file) {
        Map<String, Integer> maxElements = Map.ofEntries(Map.entry("GS", 8), Map.entry("ST", 3),
                Map.entry("BHT", 6), Map.entry("NM1", 9), Map.entry("PER", 4), Map.entry("HL", 4),
                Map.entry("PRV", 3), Map.entry("N3", 2), Map.entry("N4", 3), Map.entry("REF", 2),
                Map.entry("SBR", 9), Map.entry("DMG", 3), Map.entry("PAT", 1), Map.entry("CLM", 9),
                Map.entry("DTP", 3), Map.entry("CL1", 3), Map.entry("HI", 12), Map.entry("LX", 1),
                Map.entry("SV1", 7), Map.entry("SV2", 5), Map.entry("SE", 2), Map.entry("GE", 2),
                Map.entry("IEA", 2));
        Set<String> composites = Set.of("CLM05", "SV101", "SV107", "SV202", "HI");
        for (String segment : file.segments().subList(1, file.segments().size())) {
            String[] e = X12Lines.elements(segment);
            assertThat(maxElements).as("a segment this writer writes: " + e[0]).containsKey(e[0]);
            assertThat(e.length - 1).as(segment).isLessThanOrEqualTo(maxElements.get(e[0]));
            assertThat(segment).as("no repetition separator").doesNotContain("^");
            for (int i = 1; i < e.length; i++) {
                String name = e[0] + String.format("%02d", i);
                if (e[i].contains(":")) {
                    assertThat(e[0].equals("HI") || composites.contains(name)).as(name + " holds a ':'").isTrue();
                }
                assertThat(e[i].chars().allMatch(c -> c >= ' ' && c < 0x7F)).as(name + " is printable ASCII")
                        .isTrue();
            }
        }
    }

    @Test
    void anIdentifierHoldingADelimiterIsRefusedWithoutQuotingIt() {
        ClaimPerson subscriber = new ClaimPerson("KHP*100~200", "TESTPATIENT", "JORDAN", LocalDate.of(1984, 3, 12),
                "F");
        BilledClaim claim = ClaimBatches.withPeople(ClaimBatches.psychotherapyByTelehealth(), CLINIC, subscriber,
                subscriber);

        assertThatThrownBy(() -> writer.write(ClaimBatches.batch(ClaimKind.PROFESSIONAL, List.of(claim))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2010BA NM109 subscriber member id")
                .hasMessageContaining("delimiter '*'")
                .hasMessageNotContaining("KHP");
    }

    // ---- what is refused

    static Stream<Arguments> refusals() {
        BilledClaim professional = ClaimBatches.psychotherapyByTelehealth();
        BilledClaim institutional = ClaimBatches.intensiveOutpatientWeek();
        BilledLine proLine = professional.lines().get(0);
        BilledLine instLine = institutional.lines().get(0);
        return Stream.of(
                refusal("a billing provider without an address", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withPeople(professional, new ClaimProvider("1234567893", "CLINIC", null, null,
                                "123456789", null), SUBSCRIBER, SUBSCRIBER), "2010AA N3/N4"),
                refusal("a billing provider without a tax id", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withPeople(professional, new ClaimProvider("1234567893", "CLINIC", null, null,
                                null, CLINIC.address()), SUBSCRIBER, SUBSCRIBER), "REF*EI"),
                refusal("an 837I billing provider with a first name", ClaimKind.INSTITUTIONAL,
                        ClaimBatches.withPeople(institutional, new ClaimProvider("1234567893", "MORALES", "ANA", null,
                                "123456789", CLINIC.address()), SUBSCRIBER, SUBSCRIBER), "organisation"),
                refusal("a dependent without a birth date", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withPeople(professional, CLINIC, PARENT, new ClaimPerson(CHILD.memberId(),
                                "SAMPLE", "RILEY", null, "U")), "2010CA DMG"),
                refusal("a dependent with a member id of their own", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withPeople(professional, CLINIC, PARENT, new ClaimPerson("OTHER1",
                                "SAMPLE", "RILEY", CHILD.birthDate(), "U")), "sent as the subscriber"),
                refusal("statement dates on an 837P", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withStatement(professional, LocalDate.of(2025, 3, 4), LocalDate.of(2025, 3, 4)),
                        "DTP*434"),
                refusal("an 837P line without a date of service", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withLines(professional, List.of(new BilledLine(1, null,
                                "HC", "90837", List.of(), proLine.charge(), "UN", proLine.units(), null, List.of(1),
                                null, null,
                                null, null, null))), "DTP*472"),
                refusal("an 837P line without a diagnosis pointer", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withLines(professional, List.of(new BilledLine(1, null,
                                "HC", "90837", List.of(), proLine.charge(), "UN", proLine.units(), null, List.of(),
                                proLine.serviceDate(), null, null, null, null))), "SV107"),
                refusal("a pointer past the diagnoses", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withLines(professional, List.of(new BilledLine(1, null,
                                "HC", "90837", List.of(), proLine.charge(), "UN", proLine.units(), null, List.of(3),
                                proLine.serviceDate(), null, null, null, null))), "pointer 3"),
                refusal("lines not numbered from 1", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withLines(professional, List.of(new BilledLine(2, null,
                                "HC", "90837", List.of(), proLine.charge(), "UN", proLine.units(), null, List.of(1),
                                proLine.serviceDate(), null, null, null, null))), "LX01"),
                refusal("a line rendering NPI no provider of the batch has", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withLines(professional, List.of(new BilledLine(1, null,
                                "HC", "90837", List.of(), proLine.charge(), "UN", proLine.units(), null, List.of(1),
                                proLine.serviceDate(), null, null, null, "1999999984"))), "NM103"),
                refusal("a line prior authorization on an 837I", ClaimKind.INSTITUTIONAL,
                        ClaimBatches.withLines(institutional, List.of(new BilledLine(1, "0905", "HC", "S9480",
                                List.of(), instLine.charge(), "UN", instLine.units(), null, List.of(),
                                instLine.serviceDate(), null, "AUTH1", null, null))), "REF*G1"),
                refusal("an 837I line without a revenue code", ClaimKind.INSTITUTIONAL,
                        ClaimBatches.withLines(institutional, List.of(new BilledLine(1, null, "HC", "S9480",
                                List.of(), instLine.charge(), "UN", instLine.units(), null, List.of(),
                                instLine.serviceDate(), null, null, null, null))), "SV201"),
                refusal("minutes on an 837I line", ClaimKind.INSTITUTIONAL,
                        ClaimBatches.withLines(institutional, List.of(new BilledLine(1, "0905", "HC", "S9480",
                                List.of(), instLine.charge(), "MJ", instLine.units(), null, List.of(),
                                instLine.serviceDate(), null, null, null, null))), "unit basis MJ"),
                refusal("a negative charge", ClaimKind.PROFESSIONAL,
                        ClaimBatches.withLines(professional, List.of(new BilledLine(1, null,
                                "HC", "90837", List.of(), new BigDecimal("-5"), "UN", proLine.units(), null, List.of(1),
                                proLine.serviceDate(), null, null, null, null))), "negative"),
                refusal("a patient control number over 20 characters", ClaimKind.PROFESSIONAL,
                        renumbered(professional, "PCN-0123456789-0123456789"), "CLM01"));
    }

    private static Arguments refusal(String name, ClaimKind kind, BilledClaim claim, String message) {
        return Arguments.of(name, kind, claim, message);
    }

    private static BilledClaim renumbered(BilledClaim c, String pcn) {
        return new BilledClaim(c.kind(), pcn, c.charge(), c.facilityCode(), c.facilityQualifier(), c.frequency(),
                c.payer(), c.billingProvider(), c.renderingProvider(), c.subscriber(), c.patient(),
                c.filingIndicator(), c.diagnoses(), c.priorAuthorization(), c.referral(), c.originalReference(),
                c.admissionDate(), c.dischargeDate(), c.statementFrom(), c.statementTo(), c.occurrenceSpans(),
                c.lines());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void whatCannotBeWrittenIsRefusedBeforeAnythingIsWritten(String name, ClaimKind kind, BilledClaim claim,
                                                             String message) {
        ClaimBatch batch = ClaimBatches.batch(kind, List.of(claim));

        assertThatThrownBy(() -> writer.write(batch))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("claim 1")
                .hasMessageContaining(message);
    }

    @Test
    void aLineRenderingNpiIsNamedFromAnotherClaimOfTheBatch() {
        BilledClaim claim = ClaimBatches.voidedIntensiveOutpatientForDependent();

        assertThatThrownBy(() -> writer.write(ClaimBatches.batch(ClaimKind.PROFESSIONAL, List.of(claim))))
                .hasMessageContaining("claim 1, line 2");

        X12Lines file = write(ClaimBatches.batch(ClaimKind.PROFESSIONAL,
                List.of(ClaimBatches.psychotherapyByTelehealth(), claim)));
        assertThat(file.segments()).containsSubsequence("LX*2", "NM1*82*1*MORALES*ANA****XX*" + LCSW.npi());
    }

    private static BilledClaim firstClaim(ClaimKind kind) {
        return kind == ClaimKind.PROFESSIONAL ? ClaimBatches.psychotherapyByTelehealth()
                : ClaimBatches.withoutLineRendering(ClaimBatches.intensiveOutpatientWeek());
    }
}
