package org.overturn.claimstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.claim.BilledClaim;
import org.overturn.claim.BilledLine;
import org.overturn.claim.ClaimAddress;
import org.overturn.claim.ClaimBatch;
import org.overturn.claim.ClaimKind;
import org.overturn.claim.ClaimParty;
import org.overturn.claim.ClaimPerson;
import org.overturn.claim.ClaimProvider;
import org.overturn.claim.ClaimWriter;
import org.overturn.intake.FileIntake;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A claim the payer accepted (277CA) that no 835 answered within the days allowed gets, once, a 276 claim status
 * request in the outbox and a follow-up task in the eligibility queue; an answered claim and one sent too recently
 * do not. The task records the payer's status of the claim.
 */
@OverturnIntegrationTest
class ClaimStatusFollowUpsIT {

    private static final DateTimeFormatter X12 = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ClaimProvider CLINIC = new ClaimProvider("1234567893", "RIVERBEND BEHAVIORAL HEALTH", null,
            "261QM0801X", "123456789", new ClaimAddress("400 RIVER ROAD", null, "HARRISBURG", "PA", "17101"));

    @Autowired
    FileIntake intake;
    @Autowired
    ClaimStatusFollowUps followUps;
    @Autowired
    ClaimStatusProperties properties;
    @Autowired
    TaskService tasks;

    final String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String payer = "CS" + run;

    @Test
    void anAcceptedClaimWithoutAnAnswerGetsA276AndAFollowUpTaskOnce() throws Exception {
        LocalDate old = LocalDate.now().minusDays(properties.daysWithoutAnswer() + 5);
        LocalDate recent = LocalDate.now().minusDays(3);
        String silent = "NA" + run;
        String answered = "AN" + run;
        String fresh = "FR" + run;
        for (String[] c : new String[][] {{silent, old.toString()}, {answered, old.toString()},
                {fresh, recent.toString()}}) {
            LocalDate sent = LocalDate.parse(c[1]);
            intake.ingest(c[0] + ".837", claim(c[0], sent), "UPLOAD", "test");
            intake.ingest(c[0] + ".277", accepted(c[0], sent.plusDays(1)), "UPLOAD", "test");
        }
        intake.ingest(answered + ".835", KnownRemittance.from(payer, "QUIET HEALTH PLAN", "T" + answered,
                        X12.format(old.plusDays(20)), "150")
                .claim("CLP*" + answered + "*1*150*150**12*ICN" + answered, "SVC*HC:90837*150*150**1",
                        "DTM*472*" + X12.format(old.minusDays(1)))
                .bytes(), "UPLOAD", "test");

        List<ClaimStatusFollowUps.FollowUp> opened = followUps.sweep().stream()
                .filter(f -> f.patientControlNumber().endsWith(run)).toList();

        assertThat(opened).extracting(ClaimStatusFollowUps.FollowUp::patientControlNumber).containsExactly(silent);
        ClaimStatusFollowUps.FollowUp followUp = opened.get(0);
        assertThat(followUp.status()).isEqualTo("OPEN");
        String x12 = Files.readString(Path.of(followUp.outboxPath()), StandardCharsets.US_ASCII);
        List<String> segments = Arrays.stream(x12.split("~\\R?")).filter(s -> !s.isBlank()).toList();
        assertThat(segments).contains("GS*HR*OVERTURN*CLEARINGHOUSE*" + segments.get(1).split("\\*")[4] + "*"
                        + segments.get(1).split("\\*")[5] + "*" + followUp.id() + "*X*005010X212",
                "ST*276*0001*005010X212", "HL*1**20*1", "NM1*PR*2*QUIET HEALTH PLAN*****PI*" + payer,
                "HL*3*2*19*1", "NM1*1P*2*RIVERBEND BEHAVIORAL HEALTH*****XX*1234567893", "HL*4*3*22*0",
                "DMG*D8*19840312*F", "NM1*IL*1*TESTPATIENT*JORDAN****MI*M" + run,
                "TRN*1*" + followUp.trace(), "REF*1K*PAYER-" + silent, "REF*EJ*" + silent, "AMT*T3*150.00",
                "DTP*472*RD8*" + X12.format(old.minusDays(1)) + "-" + X12.format(old.minusDays(1)));
        int st = segments.indexOf("ST*276*0001*005010X212");
        String se = segments.stream().filter(s -> s.startsWith("SE*")).findFirst().orElseThrow();
        assertThat(se).as("SE01 counts ST through SE").isEqualTo("SE*" + (segments.indexOf(se) - st + 1) + "*0001");

        var task = tasks.createTaskQuery().processInstanceBusinessKey("claim-status:" + followUp.id()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(ClaimStatusFollowUps.TASK);
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("eligibility"));
        assertThat(followUps.sweep()).as("one follow-up per claim")
                .noneMatch(f -> f.patientControlNumber().endsWith(run));

        tasks.complete(task.getId(), Map.of("claimStatus", "PENDING", "claimStatusNote", "277: STC P1:20 in process"));
        assertThat(followUps.find(followUp.id()).orElseThrow()).satisfies(f -> {
            assertThat(f.status()).isEqualTo("PENDING");
            assertThat(f.outcomeNote()).isEqualTo("277: STC P1:20 in process");
        });
    }

    private byte[] claim(String pcn, LocalDate sent) {
        var person = new ClaimPerson("M" + run, "TESTPATIENT", "JORDAN", LocalDate.of(1984, 3, 12), "F");
        BigDecimal charge = new BigDecimal("150.00");
        var line = new BilledLine(1, null, "HC", "90837", List.of(), charge, "UN", BigDecimal.ONE, null, List.of(1),
                sent.minusDays(1), null, null, null, null);
        var claim = new BilledClaim(ClaimKind.PROFESSIONAL, pcn, charge, "11", "B", "1",
                new ClaimParty("QUIET HEALTH PLAN", payer), CLINIC, null, person, person, "CI", List.of("F331"),
                null, null, null, null, null, null, null, List.of(), List.of(line));
        return ClaimWriter.standard().write(new ClaimBatch(ClaimKind.PROFESSIONAL, "RBH0001", "CPEDI01",
                Math.abs(pcn.hashCode() % 900_000_000L), LocalDateTime.of(sent, LocalTime.NOON), "B-" + pcn, false,
                new ClaimParty("RIVERBEND BEHAVIORAL HEALTH", "RBH0001"), "BILLING OFFICE", "7175550100",
                new ClaimParty("CLEARPATH EDI", "CPEDI01"), List.of(claim)));
    }

    /** The payer's 277CA accepting the claim (STC A2), with its claim number. */
    private byte[] accepted(String pcn, LocalDate on) {
        String d = X12.format(on);
        return (String.join("~\n",
                "ISA*00*          *00*          *ZZ*CPEDI01        *ZZ*RBH0001        *" + d.substring(2)
                        + "*1200*^*00501*000000501*0*T*:",
                "GS*HN*CPEDI01*RBH0001*" + d + "*1200*501*X*005010X214",
                "ST*277*0001*005010X214", "BHT*0085*08*RPT-" + pcn + "*" + d + "*1200*TH",
                "HL*1**20*1", "NM1*PR*2*QUIET HEALTH PLAN*****PI*" + payer, "TRN*1*RPT-" + pcn,
                "DTP*050*D8*" + d, "DTP*009*D8*" + d,
                "HL*2*1*21*1", "NM1*41*2*RIVERBEND BEHAVIORAL HEALTH*****46*RBH0001", "TRN*2*B1",
                "STC*A1:19*" + d + "*WQ*150", "QTY*90*1", "AMT*YU*150",
                "HL*3*2*19*1", "NM1*85*2*RIVERBEND BEHAVIORAL HEALTH*****XX*1234567893",
                "HL*4*3*PT", "NM1*QC*1*TESTPATIENT*JORDAN****MI*M" + run, "TRN*2*" + pcn,
                "STC*A2:20*" + d + "*WQ*150", "REF*1K*PAYER-" + pcn, "DTP*472*D8*" + X12.format(on.minusDays(2)),
                "SE*22*0001", "GE*1*501", "IEA*1*000000501") + "~\n").getBytes(StandardCharsets.US_ASCII);
    }
}
