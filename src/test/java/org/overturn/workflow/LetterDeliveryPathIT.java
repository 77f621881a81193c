package org.overturn.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.overturn.letters.LocalMailOutbox;
import org.overturn.part2.PatientConsents;
import org.overturn.workflow.DenialLifecycle.Tasks;
import org.overturn.workflow.DenialLifecycle.Variables;
import org.overturn.workflow.LifecycleScenario.Denied;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * From a submitted appeal to the payer's inbox: the letter rendered and emailed with its PDF, by post when the
 * payer takes no email, behind the Part 2 consent gate, retried through a mail server outage, and never sent
 * twice when the work after the send fails.
 */
@LifecycleProcessTest
class LetterDeliveryPathIT {

    private static final String AWAIT_DECISION = "Gateway_AwaitAppealDecision";
    /** Substance-use denials are worked by billers with Part 2 access. */
    private static final org.overturn.security.CurrentUser SUD_BILLER = new org.overturn.security.CurrentUser(
            "sud-biller-sam", java.util.Set.of(org.overturn.security.Roles.BILLER, org.overturn.security.Roles.PART2),
            LifecycleScenario.BILLER.queues());

    @Autowired
    LifecycleScenario scenario;
    @Autowired
    LocalMailOutbox outbox;
    @Autowired
    ManagementService management;
    @Autowired
    PatientConsents consents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.overturn.letters.LetterAttachments attachments;
    @Autowired
    JavaMailSenderImpl mailSender;

    @AfterEach
    void mailServerBackUp() {
        outbox.start();
        jdbc.execute("drop trigger if exists fail_appeal_insert on appeal");
    }

    @Test
    void emailsTheRenderedAppealWithItsPdfToThePayersAppealAddress() throws Exception {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00"));
        byte[] note = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        attachments.add(denial.id(), "session-note.png", note, LifecycleScenario.BILLER.id());

        submit(denial, "The session note documents acute risk.");

        assertThat(denial.process()).hasPassed("Gateway_MayDisclose", "Task_RenderAppealLetter", "Task_SendAppeal")
                .hasNotPassed(Tasks.OBTAIN_CONSENT).isWaitingAt(AWAIT_DECISION);
        MimeMessage mail = sentFor(claim);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(LifecycleScenario.TEST_PAYER_EMAIL);
        // the headers and file names name the denial, never the patient account (it is in the letter)
        assertThat(mail.getSubject()).isEqualTo("Appeal (level 1) - denial " + denial.id());
        var delivery = jdbc.queryForMap("select * from letter_delivery where denial_id = ?", denial.id());
        assertThat(mail.getMessageID()).isEqualTo(delivery.get("message_id"));
        assertThat(delivery).containsEntry("prepared_by", LifecycleScenario.BILLER.id()).containsEntry("consent_id", null);
        String pdfText = pdfText(mail);
        assertThat(pdfText).contains("Appeal of a medical necessity denial", claim, "ICN-" + claim,
                "The session note documents acute risk.", "CO-50", "session-note.png");
        assertThat(attachmentNames(mail)).containsExactly("appeal-level1-denial" + denial.id() + "-v1.pdf",
                "session-note.png");
        assertThat(delivery).containsEntry("attachments", 2);
        assertThat(scenario.status(denial.id())).isEqualTo("APPEALED");
        assertThat(audit(denial.id(), "LETTER_SENT")).isEqualTo(1);
    }

    @Test
    void aMedicalNecessityAppealCarriesTheClinicalCaseEnteredOnPrepareAppealAndNoParityToMedicare() throws Exception {
        String claim = LifecycleScenario.newClaim();
        // a payer of its own: the directory keeps the plan type of the first 835 it met from a payer
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00").filing("MB")
                .payer("MEDICARE PART B TEST", "OVT-MEDICARE-B"));

        scenario.complete(denial, Tasks.PREPARE_APPEAL, LifecycleScenario.BILLER, "appealAction", "SUBMIT",
                "appealArgument", "The patient could not step down safely.",
                Variables.NECESSITY_CRITERIA, "LOCUS", Variables.NECESSITY_SCORES, "Composite 20 (level 4)",
                Variables.NECESSITY_SYMPTOMS, "PHQ-9 of 19; not working for three weeks",
                Variables.NECESSITY_RISK, "Passive suicidal ideation, safety plan in place",
                Variables.NECESSITY_LOWER_LEVEL_TRIED, "Weekly outpatient therapy for 12 weeks",
                Variables.PEER_TO_PEER_OFFERED, "true");
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Task_RenderAppealLetter");
        byte[] pdf = jdbc.queryForObject("""
                select v.pdf from letter_version v join letter l on l.id = v.letter_id
                 where l.denial_id = ? and l.kind = 'APPEAL'""", byte[].class, denial.id());
        String pdfText;
        try (var document = Loader.loadPDF(pdf)) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
        assertThat(pdfText).contains("Plan type Medicare", "as assessed with LOCUS (Level of Care Utilization System)",
                "Level-of-care criteria. LOCUS (Level of Care Utilization System): Composite 20 (level 4)",
                "Symptoms and functioning. PHQ-9 of 19; not working for three weeks",
                "Risk. Passive suicidal ideation, safety plan in place",
                "Lower level of care tried. Weekly outpatient therapy for 12 weeks",
                "The patient could not step down safely.", "professional credentials of the reviewer",
                "peer-to-peer review", "We have not enclosed records", "Enclosures: none.")
                .doesNotContainIgnoringCase("parity");
    }

    @Test
    void aPrepareAppealFormRefusesAClinicalCaseLongerThanTheLetterHasRoomFor() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00"));

        assertThatThrownBy(() -> scenario.complete(denial, Tasks.PREPARE_APPEAL, LifecycleScenario.BILLER,
                "appealAction", "SUBMIT", "appealArgument", "See below.", Variables.NECESSITY_SYMPTOMS, "x".repeat(501),
                Variables.NECESSITY_CRITERIA, "DSM")).hasMessageContaining("Please correct the form");
        assertThat(denial.process()).isWaitingAt(Tasks.PREPARE_APPEAL);
    }

    @Test
    void aPayerWithoutAnAppealEmailGetsItByPostAndTheBillerSaysHow() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00").payer("PAPER ONLY HEALTH", "OVT-PAPER"));

        submit(denial, "see the enclosed notes");

        assertThat(denial.process()).hasPassed("Event_NoAppealAddress").isWaitingAt(Tasks.SEND_APPEAL_BY_POST);
        assertThat(scenario.status(denial.id())).isNotEqualTo("APPEALED");
        scenario.complete(denial, Tasks.SEND_APPEAL_BY_POST, "sentBy", "POST", "sentReference", "USPS 9400 1000 0000");

        assertThat(denial.process()).hasPassed("Task_RecordAppealSentByPost").isWaitingAt(AWAIT_DECISION);
        assertThat(scenario.appeals(denial.id())).singleElement().satisfies(a ->
                assertThat((String) a.get("argument")).endsWith("Sent by POST: USPS 9400 1000 0000"));
        assertThat(jdbc.queryForObject("select count(*) from letter_version v join letter l on l.id = v.letter_id "
                + "where l.denial_id = ?", Integer.class, denial.id())).as("the letter to print").isEqualTo(1);
        assertThat(sentCount(claim)).isZero();
    }

    @Test
    void aPart2AppealWaitsForConsentAndGoesOutAsALoggedDisclosure() throws Exception {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "300.00").procedure("H0015"));

        submit(denial, SUD_BILLER, "IOP level of care met ASAM criteria");

        assertThat(denial.process()).hasPassed("Gateway_MayDisclose").hasNotPassed("Task_RenderAppealLetter")
                .isWaitingAt(Tasks.OBTAIN_CONSENT);
        assertThat(sentCount(claim)).isZero();
        assertThatThrownBy(() -> scenario.complete(denial, Tasks.OBTAIN_CONSENT, SUD_BILLER, "consentOutcome", "RECORDED"))
                .hasMessageContaining("Please correct the form");

        scenario.complete(denial, Tasks.OBTAIN_CONSENT, SUD_BILLER, consentForm("consentSignedOn",
                LocalDate.now().minusDays(1).toString(), "consentPurpose", "Appeal of denied claims"));
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Task_RecordConsent", "Task_SendAppeal").isWaitingAt(AWAIT_DECISION);
        Long consentId = jdbc.queryForObject("select consent_id from letter_delivery where denial_id = ?", Long.class,
                denial.id());
        assertThat(consentId).isEqualTo(consents.validForDenial(denial.id()).orElseThrow().id());
        MimeMessage mail = sentFor(claim);
        assertThat(pdfText(mail)).contains("Notice to the recipient (42 CFR 2.32)",
                "(ii) You are a covered entity or business associate");
        // 42 CFR 2.32(b): the consent's scope goes with the disclosure, with the notice of 2.32(a)
        assertThat(attachmentNames(mail)).contains("part2-consent-and-notice-" + denial.id() + ".pdf");
        assertThat(pdfText(mail, "part2-consent-and-notice-")).contains("Consent no. " + consentId,
                "signed by the patient", "Riverside Opioid Treatment Program",
                "Claims and the treatment records of the denied services", "Appeal of denied claims",
                "expires upon the end of treatment", "Notice to the recipient (42 CFR 2.32(a))",
                "(iii) You have received the record from a covered entity");
        assertThat(bodyText(mail)).contains("42 CFR part 2 prohibits unauthorized use or disclosure of these records.");
        assertThat(audit(denial.id(), "DISCLOSURE")).isEqualTo(1);
        assertThat(jdbc.queryForList("select recipient_kind || ' ' || recipient_id || ' ' || address || ' '"
                + " || consent_id from part2_disclosure where denial_id = ?", String.class, denial.id()))
                .singleElement().asString().startsWith("PAYER " + Era835.PAYER_ID + " ").endsWith(" " + consentId);
    }

    /** The Obtain consent form, recorded, with the elements of 42 CFR 2.31 and the given fields. */
    private static Object[] consentForm(String... fields) {
        List<String> form = new java.util.ArrayList<>(List.of("consentOutcome", "RECORDED",
                "consentInformation", "Claims and the treatment records of the denied services",
                "consentDiscloser", "Riverside Opioid Treatment Program", "consentSignedBy", "the patient",
                "consentPatientBirthDate", "1984-06-30", "consentExpiryEvent", "the end of treatment"));
        form.addAll(List.of(fields));
        return form.toArray();
    }

    @Test
    void aPatientWhoRefusesConsentSendsTheDenialToAWriteOffDecision() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "300.00").procedure("H0015"));
        submit(denial, SUD_BILLER, "IOP level of care met ASAM criteria");

        scenario.complete(denial, Tasks.OBTAIN_CONSENT, SUD_BILLER, "consentOutcome", "REFUSED");

        assertThat(denial.process()).hasPassed("Gateway_ConsentOutcome").isWaitingAt(Tasks.DECIDE_WRITE_OFF);
        assertThat(sentCount(claim)).isZero();
    }

    @Test
    void aConsentRevokedAfterTheGateStopsTheSendAndAsksForConsentAgain() {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "300.00").procedure("H0015"));
        submit(denial, SUD_BILLER, "IOP level of care met ASAM criteria");
        scenario.completeOnly(denial, Tasks.OBTAIN_CONSENT, SUD_BILLER, consentForm(
                "consentSignedOn", LocalDate.now().toString(), "consentPurpose", "Appeal"));
        Job render = job(denial, "Task_RenderAppealLetter");
        management.executeJob(render.getId());
        consents.revoke(consents.validForDenial(denial.id()).orElseThrow().id(), "patient-call");

        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).hasPassed("Event_ConsentWithdrawn").isWaitingAt(Tasks.OBTAIN_CONSENT);
        assertThat(sentCount(claim)).isZero();

        // the patient signs again: the second Obtain consent opens and takes the new consent like the first
        scenario.complete(denial, Tasks.OBTAIN_CONSENT, SUD_BILLER, consentForm(
                "consentSignedOn", LocalDate.now().toString(), "consentPurpose", "Appeal"));
        assertThat(consents.validForDenial(denial.id())).isPresent();
        assertThat(denial.process()).isNotWaitingAt(Tasks.OBTAIN_CONSENT);
    }

    @Test
    void aMailServerOutageFailsTheJobUntilItIsBackThenTheLetterGoesOnce() throws Exception {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00"));
        scenario.completeOnly(denial, Tasks.PREPARE_APPEAL, LifecycleScenario.BILLER, "appealAction", "SUBMIT",
                "appealArgument", "notes");
        management.executeJob(job(denial, "Task_RenderAppealLetter").getId());
        outbox.stop();

        Job send = job(denial, "Task_SendAppeal");
        for (int attempt = 1; attempt <= 5; attempt++) {
            String id = send.getId();
            assertThatThrownBy(() -> management.executeJob(id)).hasMessageContaining("Mail server connection failed");
            send = job(denial, "Task_SendAppeal");
            assertThat(send.getRetries()).isEqualTo(5 - attempt);
        }
        assertThat(send.getExceptionMessage()).contains("Mail server connection failed");
        assertThat(scenario.incidents(denial.processInstanceId())).singleElement()
                .satisfies(i -> assertThat(i.getActivityId()).isEqualTo("Task_SendAppeal"));
        assertThat(jdbc.queryForObject("select count(*) from letter_delivery where denial_id = ?", Integer.class,
                denial.id())).isZero();

        outbox.start();
        // what an operator does in Cockpit once the mail server is back: give the job a retry
        management.setJobRetries(send.getId(), 1);
        management.executeJob(send.getId());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).isWaitingAt(AWAIT_DECISION);
        assertThat(sentCount(claim)).isEqualTo(1);
        assertThat(scenario.incidents(denial.processInstanceId())).isEmpty();
    }

    @Test
    void aFailureAfterTheSendDoesNotSendTheLetterAgainOnRetry() throws Exception {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00"));
        scenario.completeOnly(denial, Tasks.PREPARE_APPEAL, LifecycleScenario.BILLER, "appealAction", "SUBMIT",
                "appealArgument", "notes");
        management.executeJob(job(denial, "Task_RenderAppealLetter").getId());
        // the database refuses the appeal record written after the email went out: the job's transaction rolls back
        jdbc.execute("""
                create or replace function fail_appeal_insert() returns trigger language plpgsql as $$
                begin raise exception 'database went away after the send'; end $$""");
        jdbc.execute("create trigger fail_appeal_insert before insert on appeal for each row "
                + "execute function fail_appeal_insert()");

        String sendId = job(denial, "Task_SendAppeal").getId();
        assertThatThrownBy(() -> management.executeJob(sendId)).hasMessageContaining("database went away");
        assertThat(sentCount(claim)).isEqualTo(1);
        assertThat(scenario.appeals(denial.id())).isEmpty();

        jdbc.execute("drop trigger fail_appeal_insert on appeal");
        management.executeJob(job(denial, "Task_SendAppeal").getId());
        scenario.runJobs(denial.processInstanceId());

        assertThat(denial.process()).isWaitingAt(AWAIT_DECISION);
        assertThat(sentCount(claim)).as("emails to the payer").isEqualTo(1);
        assertThat(scenario.appeals(denial.id())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from letter_delivery where denial_id = ?", Integer.class,
                denial.id())).isEqualTo(1);
    }

    @Test
    void aMailServerThatAcceptsTheLetterButNeverAnswersQuitGetsItOnce() throws Exception {
        String claim = LifecycleScenario.newClaim();
        Denied denial = scenario.denial(Era835.denial(claim, "CO", "50", "400.00"));
        scenario.completeOnly(denial, Tasks.PREPARE_APPEAL, LifecycleScenario.BILLER, "appealAction", "SUBMIT",
                "appealArgument", "notes");
        management.executeJob(job(denial, "Task_RenderAppealLetter").getId());

        Properties before = new Properties();
        before.putAll(mailSender.getJavaMailProperties());
        int port = mailSender.getPort();
        try (var server = new SilentOnQuitSmtpServer()) {
            var quick = new Properties();
            quick.putAll(before);
            quick.put("mail.smtp.timeout", "1000");
            mailSender.setJavaMailProperties(quick);
            mailSender.setPort(server.port());
            try {
                scenario.runJobs(denial.processInstanceId());
            } finally {
                mailSender.setPort(port);
                mailSender.setJavaMailProperties(before);
            }
            // the server had the letter when it went quiet: that is a delivery, not a failure to retry
            assertThat(server.messages).as("emails to the payer").hasSize(1);
        }
        assertThat(denial.process()).isWaitingAt(AWAIT_DECISION);
        assertThat(jdbc.queryForObject("select count(*) from letter_delivery where denial_id = ?", Integer.class,
                denial.id())).isEqualTo(1);
        assertThat(audit(denial.id(), "LETTER_SENT")).isEqualTo(1);
    }

    /**
     * An SMTP server that accepts every message and then never answers QUIT, as an overloaded server or a middlebox
     * that drops the connection does: the sender's wait for the 221 times out after the message was taken.
     */
    static final class SilentOnQuitSmtpServer implements AutoCloseable {

        final List<String> messages = new CopyOnWriteArrayList<>();
        private final ServerSocket socket;

        SilentOnQuitSmtpServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(this::serve, "silent-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    var in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    var out = client.getOutputStream();
                    reply(out, "220 silent.example ESMTP");
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String command = line.toUpperCase(Locale.ROOT);
                        if (command.startsWith("DATA")) {
                            reply(out, "354 go ahead");
                            StringBuilder message = new StringBuilder();
                            for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                                message.append(data).append('\n');
                            }
                            messages.add(message.toString());
                            reply(out, "250 accepted");
                        } else if (!command.startsWith("QUIT")) {
                            reply(out, "250 silent.example");
                        }
                        // QUIT: no answer; the client gives up and closes the connection
                    }
                } catch (IOException e) {
                    // closed by the test or by the client
                }
            }
        }

        private static void reply(OutputStream out, String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private void submit(Denied denial, String argument) {
        submit(denial, LifecycleScenario.BILLER, argument);
    }

    private void submit(Denied denial, org.overturn.security.CurrentUser user, String argument) {
        scenario.complete(denial, Tasks.PREPARE_APPEAL, user, "appealAction", "SUBMIT", "appealArgument", argument);
        scenario.runJobs(denial.processInstanceId());
    }

    private Job job(Denied denial, String activityId) {
        return management.createJobQuery().processInstanceId(denial.processInstanceId()).activityId(activityId)
                .singleResult();
    }

    private List<MimeMessage> sentMessagesFor(String claim) {
        List<Long> denials = jdbc.queryForList("select id from denial where patient_control_number = ?", Long.class,
                claim);
        return outbox.received().stream().filter(m -> {
            try {
                String subject = m.getSubject();
                return denials.stream().anyMatch(id -> subject.endsWith(" denial " + id));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private int sentCount(String claim) {
        return sentMessagesFor(claim).size();
    }

    private MimeMessage sentFor(String claim) {
        List<MimeMessage> sent = sentMessagesFor(claim);
        assertThat(sent).as("emails for %s", claim).hasSize(1);
        return sent.get(0);
    }

    private int audit(long denialId, String action) {
        return jdbc.queryForObject("select count(*) from audit_event where action = ? and record_id = ?",
                Integer.class, action, String.valueOf(denialId));
    }

    static List<String> attachmentNames(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getFileName() != null) {
                names.add(parts.getBodyPart(i).getFileName());
            }
        }
        return names;
    }

    static String pdfText(MimeMessage mail, String fileNamePrefix) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.getFileName() != null && part.getFileName().startsWith(fileNamePrefix)) {
                try (var pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                    return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                }
            }
        }
        throw new AssertionError("no attachment " + fileNamePrefix);
    }

    static String bodyText(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.getFileName() == null && part.getContent() instanceof Multipart inner) {
                return inner.getBodyPart(0).getContent().toString();
            }
            if (part.getFileName() == null && part.getContent() instanceof String text) {
                return text;
            }
        }
        throw new AssertionError("no body");
    }

    static String pdfText(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            if (part.getContentType().startsWith("application/pdf")) {
                try (var pdf = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                    return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                }
            }
        }
        throw new AssertionError("no PDF attached");
    }
}
