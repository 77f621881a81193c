package org.overturn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.overturn.claim.AcknowledgementParser;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimAcknowledgement;
import org.overturn.claim.ClaimFile;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParser;
import org.overturn.claim.ClaimTransaction;
import org.overturn.claim.ClaimWriter;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ProviderCredential;
import org.overturn.correction.ClaimChangeFields;
import org.overturn.correction.ClaimChanges;

/**
 * The 837s the demo clinic sends before the payers' 835s answer them, without a database: what they carry, that the
 * product reads them back as written, and that the billers' corrections of them make valid replacement claims.
 */
class DemoClaimsTest {

    /** Two months of the demo's own settings (seeds as {@code DemoData} gives them). */
    private static final List<GeneratorSettings> MONTHS = List.of(
            GeneratorSettings.defaults().withSeed(2026L * 100 + 2).withClaimCount(600).withClaimsPerTransaction(100)
                    .withPaymentDates(LocalDate.of(2031, 3, 2), LocalDate.of(2031, 3, 31)),
            GeneratorSettings.defaults().withSeed(2026L * 100 + 1).withClaimCount(600).withClaimsPerTransaction(100)
                    .withPaymentDates(LocalDate.of(2031, 4, 1), LocalDate.of(2031, 4, 30)));
    private static final Set<String> TELEHEALTH_PLACES = Set.of("02", "10");
    private static final Set<String> TELEHEALTH_MODIFIERS = Set.of("95", "GT", "93", "FQ");

    private static final RemittanceGenerator generator = new RemittanceGenerator();
    private static final Map<String, ClaimDecision> billed = new HashMap<>();
    private static final Map<String, SentClaim> sent = new HashMap<>();
    /** The payment date of the 835 that first answers each claim. */
    private static final Map<String, LocalDate> answeredOn = new HashMap<>();
    private static List<DemoWork.Delivery> deliveries;

    @BeforeAll
    static void sendTheClaims() {
        var submissions = new ClaimSubmissions(generator.clinic());
        for (GeneratorSettings month : MONTHS) {
            for (PaymentAdvice run : generator.paymentRuns(month)) {
                for (ClaimDecision claim : run.claims()) {
                    String pcn = claim.billed().patientControlNumber();
                    if (!ClaimDecision.REVERSAL.equals(claim.status()) && billed.putIfAbsent(pcn, claim) == null) {
                        sent.put(pcn, submissions.file(claim));
                        answeredOn.put(pcn, run.paymentDate());
                    }
                }
            }
        }
        deliveries = submissions.deliveries(sent.values());
    }

    @Test
    void everyClaimBilledGoesOutOnceOnAnEightThirtySevenOfItsKindThatReadsBackAsWritten() throws Exception {
        Map<String, BilledClaim> read = new HashMap<>();
        Set<String> interchanges = new HashSet<>();
        for (DemoWork.Delivery delivery : claimFiles()) {
            ClaimFile file = ClaimParser.standard().parse(delivery.content());
            assertThat(file.transactions()).hasSize(1);
            ClaimTransaction transaction = file.transactions().get(0);
            assertThat(interchanges.add(transaction.interchangeControlNumber())).as("ISA13 once").isTrue();
            assertThat(delivery.fileName()).endsWith(transaction.kind().label().toLowerCase() + ".837")
                    .doesNotContain(transaction.claims().get(0).patientControlNumber());
            for (BilledClaim claim : transaction.claims()) {
                assertThat(read.put(claim.patientControlNumber(), claim)).as("sent once").isNull();
                SentClaim expected = sent.get(claim.patientControlNumber());
                assertThat(claim).isEqualTo(expected.claim());
                assertThat(transaction.submittedOn()).isEqualTo(expected.sentOn());
                assertThat(claim.kind()).isEqualTo(billed.get(claim.patientControlNumber()).billed().institutional()
                        ? ClaimKind.INSTITUTIONAL : ClaimKind.PROFESSIONAL);
            }
        }
        assertThat(read.keySet()).isEqualTo(billed.keySet());
        assertThat(read.values()).extracting(BilledClaim::kind).contains(ClaimKind.values());
        // the batches of a day, a file each: the clinic's interchange numbers, apart from the 835s' and 277CAs'
        assertThat(interchanges).allSatisfy(n -> assertThat(Long.parseLong(n))
                .isGreaterThanOrEqualTo(ClaimSubmissions.FIRST_CLAIM_INTERCHANGE));
    }

    @Test
    void aClaimIsSentAfterItsLastDateOfServiceAndBeforeThePayerReceivesAndAnswersIt() {
        assertThat(sent.values()).allSatisfy(s -> {
            ClaimDecision decision = billed.get(s.patientControlNumber());
            // the 835 is produced two days before it pays and arrives the day after: the claim went out before
            assertThat(s.sentOn()).isAfter(s.claim().lastServiceDate()).isBefore(decision.receivedDate())
                    .isBefore(answeredOn.get(s.patientControlNumber()).minusDays(2));
        });
        assertThat(sent.values()).filteredOn(s -> s.scenario() != DenialScenario.TIMELY_FILING)
                .allSatisfy(s -> assertThat(s.sentOn()).isBeforeOrEqualTo(s.claim().lastServiceDate().plusDays(20)));
    }

    @Test
    void theClaimNamesThePayerAsItsEightThirtyFiveDoesAndTheMemberItsPatientIsFiledUnder() {
        assertThat(sent.values()).allSatisfy(s -> {
            Patient patient = billed.get(s.patientControlNumber()).billed().patient();
            BilledClaim claim = s.claim();
            assertThat(claim.payer().name()).isEqualTo(patient.payer().name());
            assertThat(claim.payer().id()).isEqualTo(patient.payer().claimsPayerId())
                    .isNotEqualTo(patient.payer().payerId());
            assertThat(claim.charge()).isEqualByComparingTo(billed.get(s.patientControlNumber()).charge());
            // NM1*IL of the 835 when the patient is a dependent, else its NM1*QC
            String member = patient.subscriber() != null ? patient.subscriber().memberId() : patient.memberId();
            assertThat(claim.subscriber().memberId()).isEqualTo(member);
            assertThat(claim.patient().lastName()).isEqualTo(patient.lastName());
            assertThat(claim.patient().birthDate()).isBefore(claim.firstServiceDate().minusYears(5));
            assertThat(claim.patient().address()).isNotNull();
            assertThat(claim.filingIndicator()).isEqualTo(patient.payer().planType().filingIndicator());
            assertThat(claim.billingProvider().npi()).isEqualTo(generator.clinic().npi());
            assertThat(claim.billingProvider().credential()).isEqualTo(ProviderCredential.FACILITY);
            assertThat(claim.renderingProvider().credential()).isNotNull();
            assertThat(claim.lines()).extracting(org.overturn.claim.BilledLine::lineControlNumber)
                    .allSatisfy(n -> assertThat(n).startsWith(s.patientControlNumber() + "-"));
        });
        // a patient is the same person on every claim
        Map<String, Set<LocalDate>> births = sent.values().stream().collect(Collectors.groupingBy(
                s -> s.claim().subscriber().memberId() + s.claim().patient().firstName(),
                Collectors.mapping(s -> s.claim().patient().birthDate(), Collectors.toSet())));
        assertThat(births.values()).allSatisfy(dates -> assertThat(dates).hasSize(1));
    }

    @Test
    void diagnosesFitTheServiceAndTheErrorTheDenialIsAbout() {
        assertThat(sent.values()).allSatisfy(s -> {
            BilledClaim claim = s.claim();
            EncounterType type = billed.get(s.patientControlNumber()).billed().type();
            String principal = claim.diagnoses().get(0);
            assertThat(claim.diagnoses()).allSatisfy(code -> assertThat(code).doesNotContain(".").hasSizeBetween(3, 7));
            if (s.scenario() == DenialScenario.MISSING_INFORMATION) {
                assertThat(principal).isIn("F32A", "F419", "F439", "F39", "F1090", "F1990");
            } else if (s.scenario() == DenialScenario.DIAGNOSIS_CODING && principal.startsWith("Z")) {
                assertThat(claim.diagnoses()).hasSize(1);
            } else if (type.sud()) {
                assertThat(principal).matches("F1[0-9].*");
            } else {
                assertThat(principal).matches("F3[23].*|F4[13].*");
            }
        });
        // a diagnosis denial is about the factor code billed as principal, or about a code the note does not support
        assertThat(sent.values()).filteredOn(s -> s.scenario() == DenialScenario.DIAGNOSIS_CODING).isNotEmpty()
                .allSatisfy(s -> assertThat(s.claim().diagnoses().get(0).startsWith("Z")
                        || s.correction().fields().containsKey(ClaimChangeFields.PROCEDURE)).isTrue());
    }

    @Test
    void placeModifiersAndAuthorizationsAreTheOnesTheClinicBills() {
        assertThat(sent.values()).allSatisfy(s -> {
            BilledClaim claim = s.claim();
            var lines = demoClaim(s).lines();
            for (int i = 0; i < lines.size(); i++) {
                var line = claim.lines().get(i);
                String place = line.placeOfService() != null ? line.placeOfService() : claim.facilityCode();
                if (claim.kind() == ClaimKind.INSTITUTIONAL) {
                    assertThat(line.revenueCode()).isIn("0905", "0906", "0912");
                    assertThat(line.diagnosisPointers()).isEmpty();
                } else if (lines.get(i).telehealth()) {
                    assertThat(place).isIn(TELEHEALTH_PLACES);
                    assertThat(line.modifiers()).containsAnyElementsOf(TELEHEALTH_MODIFIERS);
                } else {
                    assertThat(place).isIn("11", "57");
                    assertThat(line.modifiers()).doesNotContainAnyElementsOf(TELEHEALTH_MODIFIERS);
                }
            }
            if (claim.kind() == ClaimKind.INSTITUTIONAL) {
                assertThat(claim.typeOfBill()).isEqualTo("0761");
                assertThat(claim.priorAuthorization()).isNotBlank();
            }
        });
        assertThat(sent.values()).filteredOn(s -> s.claim().kind() == ClaimKind.PROFESSIONAL)
                .extracting(s -> s.claim().placeOfService()).contains("11", "02", "10", "57");
    }

    @Test
    void everyCorrectionTheBillersMakeIsOneTheFormTakesAndMakesAValidReplacement() {
        List<SentClaim> corrected = sent.values().stream().filter(s -> s.correction() != null)
                .sorted(Comparator.comparing(SentClaim::patientControlNumber)).toList();
        Set<String> fieldsUsed = new HashSet<>();
        List<BilledClaim> replacements = new ArrayList<>();
        for (SentClaim s : corrected) {
            Map<String, String> fields = s.correction().fields();
            assertThat(ClaimChangeFields.problems(fields)).as(s.scenario() + " " + fields).isEmpty();
            assertThat(s.correction().why()).isNotBlank();
            fieldsUsed.addAll(fields.keySet());
            ClaimChanges changes = ClaimChangeFields.changes(fields);
            BilledClaim replacement = changes.applyTo(s.claim(), "PAYER-CLAIM-1");
            assertThat(replacement.frequency()).isEqualTo("7");
            if (!changes.isEmpty()) {
                assertThat(replacement).as(s.scenario() + " changes the claim")
                        .isNotEqualTo(ClaimChanges.none().applyTo(s.claim(), "PAYER-CLAIM-1"));
            }
            switch (s.scenario()) {
                case TELEHEALTH_CODING -> assertThat(fields).containsKey(ClaimChangeFields.MODIFIERS);
                case DIAGNOSIS_CODING -> assertThat(fields).satisfiesAnyOf(
                        f -> assertThat(f.get(ClaimChangeFields.PROCEDURE)).isIn("90834", "90832", "90846", "99213"),
                        f -> assertThat(f).containsKey(ClaimChangeFields.DIAGNOSES));
                case MISSING_INFORMATION -> assertThat(replacement.diagnoses().get(0))
                        .isNotEqualTo(s.claim().diagnoses().get(0));
                case AUTHORIZATION -> assertThat(replacement.priorAuthorization())
                        .isNotEqualTo(s.claim().priorAuthorization());
                default -> { }
            }
            replacements.add(replacement);
        }
        assertThat(fieldsUsed).contains(ClaimChangeFields.MODIFIERS, ClaimChangeFields.DIAGNOSES,
                ClaimChangeFields.AUTHORIZATION, ClaimChangeFields.PLACE_OF_SERVICE, ClaimChangeFields.LINE);
        // what the product's writer makes of them, its reader reads back
        for (ClaimKind kind : ClaimKind.values()) {
            List<BilledClaim> ofKind = replacements.stream().filter(c -> c.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                byte[] file = ClaimWriter.standard().write(new ClaimBatch(kind, "RIVERBENDBH", "OVTCLEARHOUSE", 1,
                        java.time.LocalDateTime.of(2031, 5, 1, 12, 0), "TEST", false,
                        new org.overturn.claim.ClaimParty("RIVERBEND", "RIVERBENDBH"), "BILLING", "7175550188",
                        new org.overturn.claim.ClaimParty("CLEARINGHOUSE", "OVTCLEARHOUSE"), ofKind));
                assertThat(parse(file).transactions().get(0).claims()).isEqualTo(ofKind);
            }
        }
    }

    @Test
    void aTimelyFilingDenialOfAClaimSentInTimeHasThePayersAcceptanceOnFile() throws Exception {
        List<SentClaim> timely = sent.values().stream().filter(s -> s.scenario() == DenialScenario.TIMELY_FILING)
                .toList();
        assertThat(timely).extracting(s -> s.acceptedOn() != null).contains(true, false);
        List<DemoWork.Delivery> acknowledgements = deliveries.stream().filter(d -> d.fileName().endsWith(".277"))
                .toList();
        assertThat(acknowledgements).hasSize((int) timely.stream().filter(s -> s.acceptedOn() != null).count());
        for (DemoWork.Delivery delivery : acknowledgements) {
            List<ClaimAcknowledgement> answers = AcknowledgementParser.standard().parse(delivery.content()).claims();
            assertThat(answers).hasSize(1);
            ClaimAcknowledgement answer = answers.get(0);
            SentClaim claim = sent.get(answer.patientControlNumber());
            assertThat(answer.accepted()).isTrue();
            assertThat(answer.statusDate()).isEqualTo(claim.acceptedOn()).isAfter(claim.sentOn());
            assertThat(answer.billedAmount()).isEqualByComparingTo(claim.claim().charge());
            assertThat(claim.acceptedOn()).isBefore(claim.claim().lastServiceDate().plusDays(30));
        }
    }

    @Test
    void theSameStoryIsTheSameBytes() {
        var again = new ClaimSubmissions(generator.clinic());
        Map<String, SentClaim> second = new HashMap<>();
        billed.forEach((pcn, decision) -> second.put(pcn, again.file(decision)));
        List<DemoWork.Delivery> repeated = again.deliveries(second.values());
        assertThat(repeated).hasSameSizeAs(deliveries);
        for (int i = 0; i < deliveries.size(); i++) {
            assertThat(repeated.get(i).fileName()).isEqualTo(deliveries.get(i).fileName());
            assertThat(Arrays.equals(repeated.get(i).content(), deliveries.get(i).content())).isTrue();
        }
    }

    @Test
    void writesAProfessionalClaimFileOfTheClaimsAGeneratedRemittanceAnswers(@TempDir Path directory)
            throws Exception {
        GeneratorSettings settings = GeneratorSettings.defaults().withSeed(837L).withClaimCount(1_200)
                .withClaimsPerTransaction(500);
        Path file = generator.writeProfessionalClaimFile(settings, directory);
        Path again = generator.writeProfessionalClaimFile(settings, directory.resolve("again.837"));

        ClaimFile read = parse(Files.readAllBytes(file));
        assertThat(file.getFileName().toString()).isEqualTo("claims-837-1200.837");
        assertThat(read.claimCount()).isEqualTo(1_200);
        assertThat(read.transactions()).extracting(t -> t.claims().size()).containsExactly(500, 500, 200);
        assertThat(read.transactions()).allSatisfy(t -> assertThat(t.kind()).isEqualTo(ClaimKind.PROFESSIONAL));
        assertThat(read.transactions().stream().flatMap(t -> t.claims().stream())
                .map(BilledClaim::patientControlNumber).distinct().count()).isEqualTo(1_200);
        assertThat(Files.mismatch(file, again)).isEqualTo(-1);
    }

    private static org.overturn.demo.BilledClaim demoClaim(SentClaim s) {
        return billed.get(s.patientControlNumber()).billed();
    }

    private static List<DemoWork.Delivery> claimFiles() {
        return deliveries.stream().filter(d -> d.fileName().endsWith(".837")).toList();
    }

    private static ClaimFile parse(byte[] content) {
        try {
            return ClaimParser.standard().parse(content);
        } catch (org.overturn.x12.MalformedX12Exception e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
