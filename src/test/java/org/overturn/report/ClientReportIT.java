package org.overturn.report;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.intake.RemittanceIntake;
import org.overturn.letters.LocalMailOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A practice's monthly report on a month whose every figure is known: five denials of a payer and practice of the
 * test's own, taken to known ends, with appeals and a missed deadline at known times. The figures are checked against
 * the expected values and against SQL of the test's own over the tables; the PDF and the workbook are read back; the
 * email is received by the local outbox (GreenMail), after an outage that the outbox's retry survives.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientReportIT {

    @Autowired
    RemittanceIntake intake;
    @Autowired
    ClientReports reports;
    @Autowired
    ClientReportDocuments documents;
    @Autowired
    ClientReportMail mail;
    @Autowired
    LocalMailOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    final String payer = "RPT" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String contact = "owner@" + payer.toLowerCase() + ".example";
    /** Last month: the month the schedule reports on. */
    YearMonth month;
    YearMonth earlier;
    long practiceId;
    ClientReport.Practice practice;
    Map<String, Long> denialOf;

    @BeforeAll
    void ingestKnownMonth() {
        month = YearMonth.now(clock).minusMonths(1);
        earlier = month.minusMonths(2);
        practiceId = jdbc.queryForObject("""
                insert into practice (name, status, recognised_from, contact_email) values (?, 'ACTIVE', 'CREATED', ?)
                returning id""", Long.class, "Report Test Practice " + payer, contact);
        practice = new ClientReport.Practice(practiceId, "Report Test Practice " + payer);
        intake.ingest("report-m.835", KnownRemittance.from(payer, "REPORT HEALTH PLAN", payer + "-M", ccyymmdd(month.atDay(5)), "250")
                .claim("CLP*R1*4*150*0**12", "CAS*CO*197*150", "SVC*HC:90834*150*0**1")
                .claim("CLP*R2*1*300*250**12", "SVC*HC:90837*300*250**1", "CAS*CO*16*50")
                .claim("CLP*R3*4*400*0**12", "CAS*CO*50*400", "SVC*HC:90791*400*0**1")
                .bytes(), "UPLOAD", "test");
        intake.ingest("report-e.835", KnownRemittance.from(payer, "REPORT HEALTH PLAN", payer + "-E", ccyymmdd(earlier.atDay(10)), "0")
                .claim("CLP*R4*4*300*0**12", "CAS*CO*29*300", "SVC*HC:90837*300*0**1")
                .claim("CLP*R5*4*80*0**12", "CAS*CO*197*80", "SVC*HC:90834*80*0**1")
                .bytes(), "UPLOAD", "test");
        // the practice of the test's own: whatever practice the shared payee made them, these are its records
        jdbc.update("update remittance set practice_id = ? where payer_id = ?", practiceId, payer);
        jdbc.update("update denial set practice_id = ? where payer_id = ?", practiceId, payer);
        denialOf = jdbc.query("select patient_control_number, id from denial where payer_id = ?",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)), payer).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(denialOf).containsOnlyKeys("R1", "R2", "R3", "R4", "R5");
        KnownRemittance.awaitTasks(jdbc, payer, 5);
        close("R1", "RECOVERED", "150.00", month.atDay(20));
        close("R2", "WRITTEN_OFF", null, month.atDay(21));
        close("R5", "RECOVERED", "80.00", month.atDay(3));
        jdbc.update("update denial set status = 'APPEALED' where id = ?", denialOf.get("R3"));
        jdbc.update("update denial set status = 'OPEN' where id = ?", denialOf.get("R4"));
        // level 1 sent before its due date and upheld; level 2 sent after its due date, undecided
        appeal("R3", 1, month.atDay(8), month.atDay(25), "UPHELD", month.atDay(18));
        appeal("R3", 2, month.atDay(22), month.atDay(20), null, null);
        // sent two months before, won in the month
        appeal("R5", 1, earlier.atDay(20), month.atDay(1), "OVERTURNED", month.atDay(2));
        jdbc.update("insert into appeal_deadline_event (denial_id, level, kind, due_on, at) values (?, 1, 'MISSED', ?, ?)",
                denialOf.get("R4"), Date.valueOf(month.atDay(9)), at(month.atDay(10)));
    }

    @Test
    void figuresOfTheMonthAreThoseOfTheDatabase() {
        ClientReport r = reports.compute(practice, month);
        assertThat(r.received()).isEqualTo(money(3, "600.00"));
        assertThat(r.recovered()).isEqualTo(money(2, "230.00"));
        assertThat(r.writtenOff()).isEqualTo(money(1, "50.00"));
        assertThat(r.open()).isEqualTo(money(2, "700.00"));
        assertThat(r.openByAge()).extracting(ClientReport.Aging::bucket, ClientReport.Aging::denials)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0-30", 1L),
                        org.assertj.core.groups.Tuple.tuple("31-60", 0L), org.assertj.core.groups.Tuple.tuple("61-90", 1L),
                        org.assertj.core.groups.Tuple.tuple("91-120", 0L), org.assertj.core.groups.Tuple.tuple(">120", 0L));
        assertThat(r.rootCauses()).extracting(ClientReport.Share::key)
                .containsExactly("MEDICAL_NECESSITY", "AUTHORIZATION", "MISSING_INFORMATION");
        assertThat(r.payers()).containsExactly(new ClientReport.Share("REPORT HEALTH PLAN", 3, new BigDecimal("600.00")));
        assertThat(r.appeals()).isEqualTo(new ClientReport.Appeals(2, 1, 1, 0.5));
        assertThat(r.deadlines()).isEqualTo(new ClientReport.Deadlines(1, 1, 1));

        // the same figures by queries of the test's own over the tables (not the report's read models)
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        assertThat(r.received()).isEqualTo(jdbc.queryForObject("""
                select count(*), coalesce(sum(amount_at_risk), 0) from denial
                 where practice_id = ? and follows_denial_id is null and remittance_date between ? and ?""",
                (rs, i) -> money(rs.getLong(1), rs.getBigDecimal(2).setScale(2).toPlainString()), practiceId,
                Date.valueOf(first), Date.valueOf(last)));
        assertThat(r.recovered()).isEqualTo(closedIn("RECOVERED", "recovered_amount"));
        assertThat(r.writtenOff()).isEqualTo(closedIn("WRITTEN_OFF", "amount_at_risk"));
        assertThat(r.open()).isEqualTo(jdbc.queryForObject("""
                select count(*), coalesce(sum(amount_at_risk), 0) from denial where practice_id = ?
                   and status in ('OPEN', 'CORRECTION_SUBMITTED', 'APPEALED') and remittance_date <= ?""",
                (rs, i) -> money(rs.getLong(1), rs.getBigDecimal(2).setScale(2).toPlainString()), practiceId,
                Date.valueOf(last)));
        Map<String, Long> outcomes = new java.util.HashMap<>();
        jdbc.query("""
                select a.outcome, count(*) from appeal a join denial d on d.id = a.denial_id
                 where d.practice_id = ? and a.decided_at >= ? and a.decided_at < ? group by a.outcome""",
                rs -> { outcomes.put(rs.getString(1), rs.getLong(2)); }, practiceId, at(first), at(month.plusMonths(1).atDay(1)));
        assertThat(r.appeals().won()).isEqualTo(outcomes.getOrDefault("OVERTURNED", 0L));
        assertThat(r.appeals().lost()).isEqualTo(outcomes.getOrDefault("UPHELD", 0L));
        assertThat(r.deadlines().missed()).isEqualTo(jdbc.queryForObject("""
                select count(*) from appeal_deadline_event e join denial d on d.id = e.denial_id
                 where d.practice_id = ? and e.kind = 'MISSED' and e.due_on between ? and ?""", Long.class,
                practiceId, Date.valueOf(first), Date.valueOf(last)));
    }

    @Test
    void pdfAndWorkbookCarryTheFigures() throws Exception {
        ClientReport r = reports.compute(practice, month);
        String text = pdfText(documents.pdf(r));
        assertThat(text).contains("Report Test Practice " + payer).contains("Denials and appeals, " + month)
                .contains("Denials received 3 $600.00").contains("Recovered 2 $230.00")
                .contains("Written off 1 $50.00").contains("Open (still being worked) 2 $700.00")
                .contains("Medical necessity 1 $400.00").contains("REPORT HEALTH PLAN 3 $600.00")
                .contains("Appeals won (overturned) 1").contains("Appeal deadlines missed 1");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(r)))) {
            var summary = workbook.getSheet("Summary");
            Map<String, Double> counts = new java.util.HashMap<>();
            Map<String, Double> dollars = new java.util.HashMap<>();
            for (int i = 1; i <= summary.getLastRowNum(); i++) {
                var row = summary.getRow(i);
                String name = row.getCell(0).getStringCellValue();
                if (row.getCell(1) != null) {
                    counts.put(name, row.getCell(1).getNumericCellValue());
                }
                if (row.getCell(2) != null) {
                    dollars.put(name, row.getCell(2).getNumericCellValue());
                }
            }
            assertThat(counts).containsEntry("Denials received", 3.0).containsEntry("Appeals won", 1.0)
                    .containsEntry("Appeal deadlines missed", 1.0);
            assertThat(dollars).containsEntry("Denials received", 600.0).containsEntry("Recovered", 230.0);
            assertThat(workbook.getSheet("Open by age").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(1.0);
            assertThat(workbook.getSheet("Top root causes").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("MEDICAL_NECESSITY");
        }
    }

    @Test
    void theScheduleQueuesTheMonthOnceAndTheOutboxRetriesUntilTheMailServerTakesIt() throws Exception {
        outbox.stop();
        try {
            mail.queueLastMonth();
            assertThat(mail.queueLastMonth()).as("a second node's run queues nothing again").isZero();
            assertThat(jdbc.queryForObject("""
                    select count(*) from client_report_delivery where practice_id = ? and month = ? and trigger = 'SCHEDULE'""",
                    Long.class, practiceId, Date.valueOf(month.atDay(1)))).isEqualTo(1);
            mail.sendDue();
        } finally {
            outbox.start();
        }
        ClientReportMail.Delivery failed = mine();
        assertThat(failed.status()).isEqualTo("WAITING");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.nextAttemptAt()).isAfter(Instant.now());
        assertThat(failed.lastError()).isNotBlank();
        assertThat(mail.sendDue()).as("not due yet").isZero();

        // the pause is over (on the application's clock, which the outbox reads)
        jdbc.update("update client_report_delivery set next_attempt_at = ? where id = ?",
                Timestamp.from(clock.instant().minusSeconds(60)), failed.id());
        mail.sendDue();
        ClientReportMail.Delivery sent = mine();
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentTo()).isEqualTo(contact);

        MimeMessage message = outbox.received().stream().filter(m -> addressedTo(m, contact)).findFirst().orElseThrow();
        assertThat(message.getSubject()).isEqualTo("Monthly denial report " + month + " - Report Test Practice " + payer);
        List<String> names = new ArrayList<>();
        byte[] pdf = null;
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                names.add(part.getFileName());
                if (part.getFileName().endsWith(".pdf")) {
                    try (InputStream in = part.getInputStream()) {
                        pdf = in.readAllBytes();
                    }
                }
            }
        }
        assertThat(names).containsExactly("denial-report-practice" + practiceId + "-" + month + ".pdf",
                "denial-report-practice" + practiceId + "-" + month + ".xlsx");
        assertThat(pdfText(pdf)).contains("Denials received 3 $600.00");
    }

    @Test
    void anAdminEmailsTheReportOnDemandAndDownloadsIt() throws Exception {
        long before = outbox.received().stream().filter(m -> addressedTo(m, contact)).count();
        var answer = rest.withBasicAuth("admin", "demo").postForEntity("/api/dashboard/reports/" + practiceId + "/"
                + month + "/email", null, com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().get("status").asText()).isEqualTo("SENT");
        assertThat(answer.getBody().get("trigger").asText()).isEqualTo("ON_DEMAND");
        assertThat(answer.getBody().get("sentTo").asText()).isEqualTo(contact);
        assertThat(outbox.received().stream().filter(m -> addressedTo(m, contact)).count()).isEqualTo(before + 1);

        var pdf = rest.withBasicAuth("admin", "demo").getForEntity("/api/dashboard/reports/" + practiceId + "/" + month
                + ".pdf", byte[].class);
        assertThat(pdf.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("denial-report-practice" + practiceId + "-" + month + ".pdf");
        assertThat(pdfText(pdf.getBody())).contains("Denials received 3 $600.00");
        assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/dashboard/reports/" + practiceId
                + "/last-month", String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(rest.withBasicAuth("biller", "demo").getForEntity("/api/dashboard/reports/" + practiceId + "/"
                + month, String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aReportTheMailServerNeverTakesEndsFailedAfterItsLastAttempt() {
        long id = mail.queue(practiceId, month, "test");
        // four attempts already failed: the fifth (overturn.reports.max-attempts) is the last
        jdbc.update("update client_report_delivery set attempts = 4 where id = ?", id);
        outbox.stop();
        ClientReportMail.Delivery delivery;
        try {
            delivery = mail.sendNow(id);
        } finally {
            outbox.start();
        }
        assertThat(delivery.status()).isEqualTo("FAILED");
        assertThat(delivery.attempts()).isEqualTo(5);
        assertThat(delivery.sentAt()).isNull();
        assertThat(mail.sendNow(id).status()).as("a failed report is not tried again").isEqualTo("FAILED");
    }

    private ClientReportMail.Delivery mine() {
        return mail.recent(List.of(practiceId), 10).stream().filter(d -> d.trigger().equals("SCHEDULE")).findFirst()
                .orElseThrow();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            return java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ClientReport.Money closedIn(String status, String dollars) {
        return jdbc.queryForObject("""
                select count(*), coalesce(sum(%s), 0) from denial where practice_id = ? and status = ?
                   and closed_at >= ? and closed_at < ?""".formatted(dollars),
                (rs, i) -> money(rs.getLong(1), rs.getBigDecimal(2).setScale(2).toPlainString()), practiceId, status,
                at(month.atDay(1)), at(month.plusMonths(1).atDay(1)));
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static ClientReport.Money money(long denials, String dollars) {
        return new ClientReport.Money(denials, new BigDecimal(dollars));
    }

    private void close(String claim, String status, String recovered, LocalDate on) {
        jdbc.update("update denial set status = ?, recovered_amount = ?::numeric, closed_at = ? where id = ?", status,
                recovered, at(on), denialOf.get(claim));
    }

    private void appeal(String claim, int level, LocalDate sent, LocalDate due, String outcome, LocalDate decided) {
        jdbc.update("insert into appeal (denial_id, level, argument, prepared_by, sent_at, due_on, outcome, decided_at) "
                        + "values (?, ?, 'test', 'biller', ?, ?, ?, ?)", denialOf.get(claim), level, at(sent),
                Date.valueOf(due), outcome, decided == null ? null : at(decided));
    }

    /** Noon of the day in the server's zone: inside the day whatever the database session's zone. */
    private Timestamp at(LocalDate day) {
        return Timestamp.from(day.atTime(12, 0).atZone(clock.getZone()).toInstant());
    }

    private static String ccyymmdd(LocalDate day) {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
