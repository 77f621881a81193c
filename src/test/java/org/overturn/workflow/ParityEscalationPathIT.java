package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.overturn.letters.LocalMailOutbox;
import org.overturn.parity.ParityCases;
import org.overturn.parity.ParityEscalation;
import org.overturn.parity.ParityEscalation.Tasks;
import org.overturn.security.CurrentUser;
import org.overturn.security.Roles;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.overturn.worklist.TaskWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of the parity escalation a screened denial opens beside its appeal: dismissed; confirmed and
 * resolved by the plan's analysis; a complaint after an inadequate analysis, after the response window, or
 * after an upheld appeal; a Part 2 record that needs consent (given, refused, withdrawn); a plan without email.
 */
@LifecycleProcessTest
class ParityEscalationPathIT {

    static final CurrentUser SPECIALIST = new CurrentUser("parity-pat", Set.of(Roles.PARITY_SPECIALIST, Roles.PART2),
            Set.of("parity"));

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TaskWork work;
    @Autowired
    ParityCases cases;
    @Autowired
    LocalMailOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.overturn.payer.PayerDirectory directory;

    /**
     * The test payer as an insured employer plan (issue 18: a parity letter goes only under a regime the directory
     * tells; regulators then EBSA and the state insurance department).
     */
    @org.junit.jupiter.api.BeforeEach
    void describeThePlan() {
        for (String payer : List.of(Era835.PAYER_ID, "OVT-PAPER-PARITY")) {
            directory.appealLimitDays(payer, payer, "12");
            directory.routeAppeals(payer, new org.overturn.payer.PayerAppealTerms(
                    org.overturn.payer.PlanFunding.EMPLOYER_GROUP, false, null), "test");
            jdbc.update("""
                    insert into payer_parity_facts (payer_id, funding, updated_at) values (?, 'FULLY_INSURED', now())
                    on conflict (payer_id) do update set funding = 'FULLY_INSURED', state = null""", payer);
        }
    }

    @Test
    void aMedicalNecessityDenialOfACommercialPlanOpensACaseBesideItsAppeal() {
        Denied denial = scenario.denial(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "400.00"));

        assertThat(denial.process()).hasPassed("Task_ScreenForParity", "Gateway_ParityConcern", "Task_OpenParityCase")
                .isWaitingAt(DenialLifecycle.Tasks.PREPARE_APPEAL);
        assertThat(escalation(denial)).isWaitingAt(Tasks.REVIEW).task().hasCandidateGroup("parity");
        assertThat(cases.caseOf(denial.id()).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(ParityEscalation.Status.IN_REVIEW);
            assertThat(c.limitation()).isEqualTo("NQTL_MEDICAL_NECESSITY");
            assertThat(c.risk()).isEqualTo("POSSIBLE");
        });
    }

    @Test
    void aMedicareDenialIsScreenedButOpensNoCase() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "50", "400.00")
                .payer("MEDICARE PART B", "OVT-MEDICARE").filing("MB"));

        assertThat(denial.process()).hasPassed("Task_ScreenForParity").hasNotPassed("Task_OpenParityCase")
                .isWaitingAt(DenialLifecycle.Tasks.PREPARE_APPEAL);
        assertThat(cases.caseOf(denial.id())).isEmpty();
        assertThat(jdbc.queryForObject("select regime from parity_screen where denial_id = ?", String.class,
                denial.id())).isEqualTo("NONE");
    }

    @Test
    void aDismissedConcernEndsTheCase() {
        Denied denial = flagged();

        complete(denial, Tasks.REVIEW, "parityDecision", "DISMISS", "parityReason", "Plan reviews medical care alike");

        assertThat(escalation(denial)).hasPassed("Task_RecordDismissal", "End_Dismissed").isEnded();
        assertThat(cases.caseOf(denial.id()).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(ParityEscalation.Status.DISMISSED);
            assertThat(c.decidedBy()).isEqualTo(SPECIALIST.id());
            assertThat(c.closedAt()).isNotNull();
        });
    }

    @Test
    void anAdequateAnalysisResolvesTheCaseAndTheAppealArguesParity() throws Exception {
        String claim = LifecycleScenario.newClaim();
        Denied denial = flagged(claim);

        confirm(denial);

        assertThat(escalation(denial)).hasPassed("Task_RenderAnalysisRequest", "Task_SendAnalysisRequest")
                .isWaitingAt("Gateway_AwaitAnalysis");
        var request = mailFor("Request for NQTL comparative analysis (MHPAEA) - denial " + denial.id());
        assertThat(LetterDeliveryPathIT.pdfText(request)).contains("comparative analysis",
                "medical necessity criteria (non-quantitative treatment limitation)", "29 CFR 2590.712");
        assertThat(cases.caseOf(denial.id()).orElseThrow().status()).isEqualTo(ParityEscalation.Status.REQUEST_SENT);
        assertThat(cases.caseOf(denial.id()).orElseThrow().responseDue()).isEqualTo(LocalDate.now().plusDays(30));

        scenario.complete(denial, DenialLifecycle.Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT", "appealArgument",
                "the session note documents acute risk");
        var appeal = mailFor("Appeal (level 1) - denial " + denial.id());
        assertThat(LetterDeliveryPathIT.pdfText(appeal)).contains("Mental Health Parity and Addiction Equity Act",
                "medical necessity criteria (non-quantitative treatment limitation)");

        cases.analysisReceived(denial.id(), "Plan sent its NQTL analysis and InterQual criteria");
        complete(denial, Tasks.ASSESS_ANALYSIS, "analysisAdequate", "true", "assessmentNote", "Comparable criteria");

        assertThat(escalation(denial)).hasPassed("Event_AnalysisReceived", "Task_RecordResolved",
                "End_ResolvedByAnalysis").isEnded();
        assertThat(cases.caseOf(denial.id()).orElseThrow().outcome()).isEqualTo("ANALYSIS_ADEQUATE");
    }

    @Test
    void anInadequateAnalysisLeadsToAComplaintFiledAndDecided() throws Exception {
        Denied denial = flagged();
        confirm(denial);
        cases.analysisReceived(denial.id(), "A one-line statement that the plan complies");

        complete(denial, Tasks.ASSESS_ANALYSIS, "analysisAdequate", "false", "assessmentNote", "No comparison at all");

        assertThat(escalation(denial)).hasPassed("Gateway_JoinComplaint", "Task_PrepareParityComplaint")
                .isWaitingAt(Tasks.FILE_COMPLAINT);
        long complaint = (Long) runtime.getVariable(escalation(denial).getId(), "parityComplaintVersionId");
        String text = pdf(complaint);
        assertThat(text).contains("Complaint: possible violation of mental health parity",
                "Department of Insurance of the state", "No comparison at all",
                "A one-line statement that the plan complies", "Evidence");
        complete(denial, Tasks.FILE_COMPLAINT, "complaintFiledOn", LocalDate.now().toString(),
                "complaintReference", "DOI-2026-118");
        complete(denial, Tasks.RECORD_COMPLAINT_OUTCOME, "complaintOutcome", "PLAN_CORRECTED");

        assertThat(escalation(denial)).hasPassed("Task_RecordComplaintFiled", "Task_CloseParityCase",
                "End_ComplaintDecided").isEnded();
        assertThat(cases.caseOf(denial.id()).orElseThrow()).satisfies(c -> {
            assertThat(c.status()).isEqualTo(ParityEscalation.Status.CLOSED);
            assertThat(c.complaintReference()).isEqualTo("DOI-2026-118");
            assertThat(c.regulator()).contains("Employee Benefits Security Administration",
                    "Department of Insurance of the state");
            assertThat(c.outcome()).isEqualTo("PLAN_CORRECTED");
        });
    }

    @Test
    void noAnswerWithinTheWindowLeadsToAComplaintToTheRegulatorOfASelfFundedPlan() throws Exception {
        Denied denial = flagged();
        jdbc.update("""
                insert into payer_parity_facts (payer_id, funding, state, updated_at) values (?, 'SELF_FUNDED_ERISA', 'NY', now())
                on conflict (payer_id) do update set funding = 'SELF_FUNDED_ERISA', state = 'NY'""", Era835.PAYER_ID);
        try {
            confirm(denial);
            Job timer = management.createJobQuery().processInstanceId(escalation(denial).getId()).timers().singleResult();
            ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
            management.executeJob(timer.getId());
            scenario.runJobs(escalation(denial).getId());

            assertThat(escalation(denial)).hasPassed("Timer_AnalysisOverdue").isWaitingAt(Tasks.FILE_COMPLAINT);
            long complaint = (Long) runtime.getVariable(escalation(denial).getId(), "parityComplaintVersionId");
            assertThat(pdf(complaint)).contains("Employee Benefits Security Administration", "It has not answered");
        } finally {
            jdbc.update("delete from payer_parity_facts where payer_id = ?", Era835.PAYER_ID);
        }
    }

    @Test
    void anUpheldAppealLeadsToAComplaint() {
        Denied denial = flagged();
        confirm(denial);
        scenario.complete(denial, DenialLifecycle.Tasks.PREPARE_APPEAL, "appealAction", "SUBMIT", "appealArgument",
                "the session note documents acute risk");

        scenario.recordAppealDecision(denial, "UPHELD");
        scenario.runJobs(escalation(denial).getId());

        assertThat(escalation(denial)).hasPassed("Event_AppealUpheld").isWaitingAt(Tasks.FILE_COMPLAINT);
    }

    @Test
    void aPart2RecordWaitsForConsentBeforeTheRequestGoesOut() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "300.00").procedure("H0015"));
        assertThat(escalation(denial)).isWaitingAt(Tasks.REVIEW);

        complete(denial, Tasks.REVIEW, "parityDecision", "CONFIRM", "parityReason", "IOP criteria stricter than SNF");
        assertThat(escalation(denial)).hasPassed("Gateway_ParityMayDisclose").isWaitingAt(Tasks.OBTAIN_CONSENT);
        complete(denial, Tasks.OBTAIN_CONSENT, "consentOutcome", "RECORDED", "consentSignedOn",
                LocalDate.now().toString(), "consentPurpose", "Parity review", "consentInformation", "Claims and the treatment records of the denied services", "consentSignedBy", "the patient",
                "consentPatientBirthDate", "1984-06-30", "consentExpiryEvent", "the end of treatment");

        assertThat(escalation(denial)).hasPassed("Task_RecordParityConsent", "Task_SendAnalysisRequest")
                .isWaitingAt("Gateway_AwaitAnalysis");
        assertThat(jdbc.queryForObject("select consent_id from letter_delivery d join letter_version v on "
                + "v.id = d.letter_version_id join letter l on l.id = v.letter_id where l.denial_id = ? "
                + "and l.kind = 'PARITY_ANALYSIS_REQUEST'", Long.class, denial.id())).isNotNull();
    }

    @Test
    void aPart2RecordWhosePatientRefusesIsNotPursued() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "50", "300.00")
                .procedure("H0015"));
        complete(denial, Tasks.REVIEW, "parityDecision", "CONFIRM", "parityReason", "IOP criteria stricter than SNF");

        complete(denial, Tasks.OBTAIN_CONSENT, "consentOutcome", "REFUSED");

        assertThat(escalation(denial)).hasPassed("Task_RecordNotPursued", "End_NotPursued").isEnded();
        assertThat(cases.caseOf(denial.id()).orElseThrow().status()).isEqualTo(ParityEscalation.Status.NOT_PURSUED);
    }

    @Test
    void aConsentRevokedBeforeTheSendAsksForItAgain() {
        Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "50", "300.00")
                .procedure("H0015"));
        complete(denial, Tasks.REVIEW, "parityDecision", "CONFIRM", "parityReason", "IOP criteria stricter than SNF");
        String task = task(denial, Tasks.OBTAIN_CONSENT);
        work.complete(task, LifecycleScenario.form("consentOutcome", "RECORDED", "consentSignedOn",
                LocalDate.now().toString(), "consentPurpose", "Parity review", "consentInformation", "Claims and the treatment records of the denied services", "consentSignedBy", "the patient",
                "consentPatientBirthDate", "1984-06-30", "consentExpiryEvent", "the end of treatment"), SPECIALIST);
        String process = escalation(denial).getId();
        management.executeJob(management.createJobQuery().processInstanceId(process)
                .activityId("Task_RenderAnalysisRequest").singleResult().getId());
        jdbc.update("update patient_consent set revoked_at = now(), revoked_by = 'patient' where revoked_at is null "
                + "and recipient_id = ?", Era835.PAYER_ID);

        scenario.runJobs(process);

        assertThat(escalation(denial)).hasPassed("Event_ParityConsentWithdrawn").isWaitingAt(Tasks.OBTAIN_CONSENT);
    }

    @Test
    void aPlanWithoutEmailGetsTheRequestByPost() {
        Denied denial = scenario.denial(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "400.00")
                .payer("PAPER ONLY PLAN", "OVT-PAPER-PARITY"));
        confirm(denial);

        assertThat(escalation(denial)).hasPassed("Event_NoPayerEmail").isWaitingAt(Tasks.SEND_REQUEST_BY_POST);
        complete(denial, Tasks.SEND_REQUEST_BY_POST, "sentBy", "FAX", "sentReference", "fax confirmation 2201");

        assertThat(escalation(denial)).hasPassed("Task_RecordRequestSentByPost").isWaitingAt("Gateway_AwaitAnalysis");
        assertThat(cases.caseOf(denial.id()).orElseThrow().status()).isEqualTo(ParityEscalation.Status.REQUEST_SENT);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {Tasks.REVIEW, Tasks.OBTAIN_CONSENT,
            Tasks.SEND_REQUEST_BY_POST, Tasks.ASSESS_ANALYSIS, Tasks.FILE_COMPLAINT})
    void anOverdueSpecialistTaskEscalatesToManagersAndStaysOpen(String taskKey) {
        Denied denial = reach(taskKey);
        String process = escalation(denial).getId();
        String overdue = task(denial, taskKey);
        Job timer = scenario.slaTimer(process, taskKey);
        assertThat(timer.getDuedate().getTime() - ClockUtil.getCurrentTime().getTime())
                .as("the parity queue's SLA").isBetween(java.time.Duration.ofDays(7).minusMinutes(1).toMillis(),
                        java.time.Duration.ofDays(7).toMillis());

        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());

        assertThat(escalation(denial)).isWaitingAt(taskKey);
        assertThat(scenario.slaTimerOrNull(process, taskKey)).as("fires once").isNull();
        assertThat(task(denial, taskKey)).as("the same task stays open").isEqualTo(overdue);
        assertThat(tasks.getIdentityLinksForTask(overdue)).extracting(l -> l.getGroupId()).contains("parity", "managers");
        assertThat(jdbc.queryForObject("select queue from sla_breach where task_id = ?", String.class, overdue))
                .isEqualTo("parity");
    }

    private Denied reach(String taskKey) {
        return switch (taskKey) {
            case Tasks.REVIEW -> flagged();
            case Tasks.OBTAIN_CONSENT -> {
                Denied denial = scenario.denial(Era835.denial(LifecycleScenario.newClaim(), "CO", "50", "300.00")
                        .procedure("H0015"));
                confirm(denial);
                yield denial;
            }
            case Tasks.SEND_REQUEST_BY_POST -> {
                Denied denial = scenario.denial(AppealPathIT.medicalNecessity(LifecycleScenario.newClaim(), "400.00")
                        .payer("PAPER ONLY PLAN", "OVT-PAPER-PARITY"));
                confirm(denial);
                yield denial;
            }
            case Tasks.ASSESS_ANALYSIS -> {
                Denied denial = flagged();
                confirm(denial);
                cases.analysisReceived(denial.id(), "A partial analysis");
                yield denial;
            }
            default -> {
                Denied denial = flagged();
                confirm(denial);
                cases.analysisReceived(denial.id(), "A partial analysis");
                complete(denial, Tasks.ASSESS_ANALYSIS, "analysisAdequate", "false", "assessmentNote", "No comparison");
                yield denial;
            }
        };
    }

    private Denied flagged() {
        return flagged(LifecycleScenario.newClaim());
    }

    private Denied flagged(String claim) {
        Denied denial = scenario.denial(AppealPathIT.medicalNecessity(claim, "400.00"));
        assertThat(escalation(denial)).isWaitingAt(Tasks.REVIEW);
        return denial;
    }

    private void confirm(Denied denial) {
        complete(denial, Tasks.REVIEW, "parityDecision", "CONFIRM", "parityReason",
                "Outpatient therapy held to stricter necessity criteria than medical office visits");
    }

    /** The denial's escalation, kept from when it was first seen running so assertions work after it ended. */
    private ProcessInstance escalation(Denied denial) {
        return seen.computeIfAbsent(denial.id(), id -> {
            List<ProcessInstance> found = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(ParityEscalation.PROCESS_KEY).processInstanceBusinessKey(String.valueOf(id))
                    .list();
            assertThat(found).as("running escalation of denial %s", id).hasSize(1);
            return found.get(0);
        });
    }

    private final java.util.Map<Long, ProcessInstance> seen = new java.util.HashMap<>();

    private String task(Denied denial, String key) {
        return tasks.createTaskQuery().processInstanceId(escalation(denial).getId()).taskDefinitionKey(key)
                .singleResult().getId();
    }

    private void complete(Denied denial, String key, Object... fieldsAndValues) {
        work.complete(task(denial, key), LifecycleScenario.form(fieldsAndValues), SPECIALIST);
        scenario.runJobs(escalation(denial).getId());
    }

    private jakarta.mail.internet.MimeMessage mailFor(String subject) {
        return outbox.received().stream().filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no mail " + subject));
    }

    private String pdf(long versionId) throws Exception {
        byte[] bytes = jdbc.queryForObject("select pdf from letter_version where id = ?", byte[].class, versionId);
        try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

}
