package org.overturn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.ClaimParser;
import org.overturn.practice.DemoPractices;
import org.overturn.remittance.RemittanceAdvice;
import org.overturn.remittance.RemittanceParser;

/**
 * The demo billing office's month as {@link DemoData} generates it: three practices, each its own billing provider on
 * its 837 claims and its own payee on its payers' 835s, so that the product's recognition finds each practice.
 */
class DemoOfficeTest {

    private static final LocalDate FIRST = LocalDate.of(2031, 4, 1);
    private static final LocalDate LAST = LocalDate.of(2031, 4, 30);

    /** Each practice's payment runs of one month, by practice. */
    private static final Map<Clinic, List<PaymentAdvice>> runs = new HashMap<>();
    private static final Map<String, ClaimDecision> billed = new HashMap<>();
    private static final Map<String, SentClaim> sent = new HashMap<>();
    private static ClaimSubmissions submissions;

    @BeforeAll
    static void billOneMonth() {
        submissions = new ClaimSubmissions(DemoData.OFFICE_NAME,
                DemoData.OFFICE.stream().map(DemoData.Billing::clinic).toList());
        for (int p = 0; p < DemoData.OFFICE.size(); p++) {
            DemoData.Billing practice = DemoData.OFFICE.get(p);
            var settings = GeneratorSettings.defaults().withSeed(2026L * 100 + 1 + 20L * p)
                    .withClaimCount(practice.claimsPerMonth()).withClaimsPerTransaction(practice.claimsPerRun())
                    .withPart2Share(practice.part2Share()).withPaymentDates(FIRST, LAST);
            List<PaymentAdvice> month = new RemittanceGenerator(practice.clinic()).paymentRuns(settings);
            runs.put(practice.clinic(), month);
            for (PaymentAdvice run : month) {
                run.claims().stream().filter(c -> !ClaimDecision.REVERSAL.equals(c.status()))
                        .forEach(c -> {
                            if (billed.putIfAbsent(c.billed().patientControlNumber(), c) == null) {
                                sent.put(c.billed().patientControlNumber(), submissions.file(c));
                            }
                        });
            }
        }
    }

    @Test
    void theThreePracticesBillAsTheDemoPracticesOnFile() {
        assertThat(Clinic.billingOffice()).extracting(Clinic::npi).containsExactly(
                DemoPractices.GROUP_THERAPY.npi(), DemoPractices.PSYCHIATRIC_GROUP.npi(),
                DemoPractices.SUD_PROGRAM.npi());
        assertThat(Clinic.billingOffice()).extracting(Clinic::taxId).containsExactly(
                DemoPractices.GROUP_THERAPY.taxId(), DemoPractices.PSYCHIATRIC_GROUP.taxId(),
                DemoPractices.SUD_PROGRAM.taxId());
        assertThat(Clinic.billingOffice()).extracting(Clinic::claimPrefix).containsExactly("RB", "MP", "HL");
        // Riverbend's clinicians, each working for exactly one of the three
        List<Clinician> split = Clinic.billingOffice().stream().flatMap(c -> c.clinicians().stream()).toList();
        assertThat(split).containsExactlyInAnyOrderElementsOf(Clinic.riverbend().clinicians());
        assertThat(Clinic.sudProgram().clinicians()).allMatch(Clinician::part2Program);
        assertThat(Clinic.psychiatricGroup().clinicians()).allMatch(c -> c.type().prescribes());
    }

    @Test
    void eachPracticesRunsPayItAsPayeeForItsOwnCliniciansClaims() throws Exception {
        int interchange = 0;
        for (DemoData.Billing practice : DemoData.OFFICE) {
            Clinic clinic = practice.clinic();
            List<PaymentAdvice> month = runs.get(clinic);
            assertThat(month).hasSize(practice.runsPerMonth());
            for (PaymentAdvice run : month) {
                assertThat(run.claims()).allSatisfy(c -> {
                    assertThat(clinic.employs(c.billed().clinician())).isTrue();
                    assertThat(c.billed().patientControlNumber()).startsWith(clinic.claimPrefix());
                    assertThat(c.billed().patient().sud()).isEqualTo(practice.part2Share() > 0);
                });
                var text = new StringWriter();
                new RemittanceGenerator(clinic).write(++interchange, List.of(run), text);
                RemittanceAdvice read = RemittanceParser.standard().parse(new ByteArrayInputStream(
                        text.toString().getBytes(StandardCharsets.US_ASCII))).transactions().get(0);
                assertThat(read.payee().npi()).isEqualTo(clinic.npi());
                assertThat(read.payee().taxId()).isEqualTo(clinic.taxId());
            }
        }
        // the psychiatric group's month has its programs and visits; the therapists' no medication management
        assertThat(runs.get(Clinic.psychiatricGroup()).stream().flatMap(r -> r.claims().stream())
                .map(c -> c.billed().type()).distinct())
                .contains(EncounterType.MEDICATION_MANAGEMENT, EncounterType.INTAKE)
                .doesNotContain(EncounterType.PSYCHOTHERAPY, EncounterType.GROUP_THERAPY);
        assertThat(runs.get(Clinic.groupTherapy()).stream().flatMap(r -> r.claims().stream())
                .map(c -> c.billed().type()).distinct())
                .contains(EncounterType.PSYCHOTHERAPY, EncounterType.GROUP_THERAPY)
                .doesNotContain(EncounterType.MEDICATION_MANAGEMENT, EncounterType.PARTIAL_HOSPITALIZATION);
        // every practice has denials to work
        for (Clinic clinic : Clinic.billingOffice()) {
            assertThat(runs.get(clinic).stream().flatMap(r -> r.claims().stream())
                    .filter(c -> "4".equals(c.status()) || c.paid().compareTo(c.charge()) < 0)).isNotEmpty();
        }
    }

    @Test
    void theOfficeSendsEachClaimWithItsPracticeAsBillingProviderUnderOneSubmitter() throws Exception {
        Set<String> practicesSeen = new HashSet<>();
        int claims = 0;
        for (DemoWork.Delivery delivery : submissions.deliveries(sent.values())) {
            if (!delivery.fileName().endsWith(".837")) {
                continue;
            }
            var transaction = ClaimParser.standard().parse(delivery.content()).transactions().get(0);
            assertThat(transaction.submitter().name()).isEqualTo(DemoData.OFFICE_NAME);
            for (BilledClaim claim : transaction.claims()) {
                Clinic clinic = Clinic.billingOffice().stream()
                        .filter(c -> claim.patientControlNumber().startsWith(c.claimPrefix())).findFirst()
                        .orElseThrow();
                assertThat(claim.billingProvider().npi()).isEqualTo(clinic.npi());
                assertThat(claim.billingProvider().taxId()).isEqualTo(clinic.taxId());
                practicesSeen.add(clinic.npi());
                claims++;
            }
        }
        assertThat(claims).isEqualTo(sent.size());
        assertThat(practicesSeen).hasSize(3);
    }

    @Test
    void aPayerAnswersAPracticesCorrectedClaimToThatPractice() throws Exception {
        ClaimDecision denied = runs.get(Clinic.sudProgram()).stream().flatMap(r -> r.claims().stream())
                .filter(c -> "4".equals(c.status())).findFirst().orElseThrow();
        String pcn = denied.billed().patientControlNumber();
        var payers = new DemoPayers(Clinic.billingOffice(), billed, new Dice(7));
        assertThat(payers.payeeOf(pcn)).isEqualTo(Clinic.sudProgram());
        var answer = payers.paymentRun(payers.payerOf(pcn), LAST.plusDays(10),
                List.of(new DemoPayers.Reply(pcn, DemoPayers.Answer.PAID, LAST)));
        RemittanceAdvice read = RemittanceParser.standard().parse(new ByteArrayInputStream(answer.content()))
                .transactions().get(0);
        assertThat(read.payee().npi()).isEqualTo(Clinic.sudProgram().npi());
        assertThat(new ArrayList<>(read.claims())).extracting(c -> c.patientControlNumber()).containsExactly(pcn);
    }
}
