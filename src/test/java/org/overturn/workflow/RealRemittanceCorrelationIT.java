package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.overturn.Samples;
import org.overturn.intake.IntakeResult;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real New York Medicaid remittance (tastypackets profee.835): claim 2 is denied whole for timely filing
 * (line CO-29 12 + 22); its appeal is answered by a second remittance, built from the same file, that pays it.
 * All three claims share the patient control number "PATIENT ACCOUNT NUMBER", and NYSDOH sends no payer id.
 */
@LifecycleProcessTest
class RealRemittanceCorrelationIT {

    private static final String SAMPLE = "tastypackets__profee.835";

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void recoversTimelyFilingAppealWhenTheNextRealRemittancePaysTheClaim() {
        IntakeResult first = scenario.ingest(Samples.retraced(SAMPLE, "-P1"));
        assertThat(first.denials()).isEqualTo(2);
        long remittance = first.remittances().get(0).remittanceId();
        Denied timely = scenario.denial(denialOfKind(remittance, "FULL"));
        Denied partial = scenario.denial(denialOfKind(remittance, "PARTIAL"));
        assertThat(timely.process()).isWaitingAt(Tasks.CHECK_TIMELY_FILING_PROOF);
        assertThat(jdbc.queryForObject("select amount_at_risk from denial where id = ?", java.math.BigDecimal.class,
                timely.id())).isEqualByComparingTo("34.00");
        assertThat(scenario.rootCause(timely.id())).isEqualTo("TIMELY_FILING");
        assertThat(partial.process()).isNotEnded();

        scenario.complete(timely, Tasks.CHECK_TIMELY_FILING_PROOF, "proofOfTimelyFiling", "true",
                "proofDescription", "eMedNY 999 accepted within 90 days");
        scenario.complete(timely, Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT",
                "appealArgument", "submitted on time; acceptance report attached");
        // NYSDOH sends no payer id (no REF*2U), so it has no directory entry and no appeals email: by post
        assertThat(timely.process()).isWaitingAt(Tasks.SEND_APPEAL_BY_POST);
        scenario.complete(timely, Tasks.SEND_APPEAL_BY_POST, "sentBy", "POST", "sentReference", "USPS 9400 1111");
        assertThat(timely.process()).isWaitingAt("Gateway_AwaitAppealDecision");
        assertThat(scenario.status(timely.id())).isEqualTo("APPEALED");

        IntakeResult answer = scenario.ingest(claimTwoPaid());
        assertThat(answer.denials()).isZero();
        scenario.runJobs(timely.processInstanceId());
        scenario.runJobs(partial.processInstanceId());

        assertThat(timely.process()).hasPassed("Event_AppealAnswerReceived", "Gateway_AppealAnswer", "End_Recovered")
                .isEnded();
        assertThat(scenario.status(timely.id())).isEqualTo("RECOVERED");
        assertThat(scenario.recoveredAmount(timely.id())).isEqualByComparingTo("34.00");
        assertThat(scenario.appeals(timely.id())).extracting(a -> a.get("outcome")).containsExactly("OVERTURNED");
        assertThat(partial.process()).as("claim 3 was not answered").isNotEnded();
        assertThat(scenario.status(partial.id())).isEqualTo("OPEN");
    }

    private long denialOfKind(long remittanceId, String kind) {
        return jdbc.queryForObject("""
                select d.id from denial d join claim_payment cp on cp.id = d.claim_payment_id
                 where cp.remittance_id = ? and d.kind = ?""", Long.class, remittanceId, kind);
    }

    /**
     * The same file as a new payment that carries only claim 2, now paid in full: status 1, each line paid,
     * the CO-29 adjustments gone, BPR02 and the segment count adjusted.
     */
    private static byte[] claimTwoPaid() {
        String text = new String(Samples.retraced(SAMPLE, "-P2"), StandardCharsets.ISO_8859_1);
        List<String> segments = Arrays.stream(text.split("~")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> header = new ArrayList<>();
        List<String> claimTwo = new ArrayList<>();
        List<String> trailer = new ArrayList<>();
        int claim = 0;
        for (String segment : segments) {
            if (segment.startsWith("CLP*")) {
                claim++;
            }
            if (segment.startsWith("SE*") || segment.startsWith("GE*") || segment.startsWith("IEA*")) {
                trailer.add(segment);
            } else if (claim == 0) {
                header.add(segment.startsWith("BPR*") ? segment.replace("BPR*I*45.75*", "BPR*I*34*") : segment);
            } else if (claim == 2 && !segment.startsWith("CAS*")) {
                claimTwo.add(switch (segment) {
                    case "CLP*PATIENT ACCOUNT NUMBER*2*34*0**MC*1000220000000020*11" ->
                            "CLP*PATIENT ACCOUNT NUMBER*1*34*34**MC*1000220000000020*11";
                    case "SVC*HC:V2020*12*0**0" -> "SVC*HC:V2020*12*12**1";
                    case "SVC*HC:V2103*22*0**0" -> "SVC*HC:V2103*22*22**1";
                    default -> segment;
                });
            }
        }
        assertThat(claimTwo).contains("CLP*PATIENT ACCOUNT NUMBER*1*34*34**MC*1000220000000020*11",
                "SVC*HC:V2020*12*12**1", "SVC*HC:V2103*22*22**1");
        assertThat(header).anyMatch(s -> s.startsWith("BPR*I*34*"));
        List<String> file = new ArrayList<>(header);
        file.addAll(claimTwo);
        int transactionSegments = file.size() - file.indexOf(file.stream().filter(s -> s.startsWith("ST*"))
                .findFirst().orElseThrow()) + 1;
        file.add(trailer.get(0).replaceFirst("^SE\\*\\d+\\*", "SE*" + transactionSegments + "*"));
        file.addAll(trailer.subList(1, trailer.size()));
        return (String.join("~\n", file) + "~\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
