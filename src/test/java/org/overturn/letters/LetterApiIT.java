package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.overturn.KnownRemittance;
import org.overturn.OverturnIntegrationTest;
import org.overturn.WebClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.overturn.intake.RemittanceIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Letters and their enclosures over HTTP: stored versions as PDF, new versions only when something changed,
 * attachments checked by content, Part 2 letters refused to users without Part 2 access, downloads audited.
 */
@OverturnIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterApiIT {

    @LocalServerPort
    int port;

    private WebClient web(String user) {
        return WebClient.anonymous(port).as(user);
    }

    static final String PAYER = "LETTER-API-PLAN";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RemittanceIntake intake;
    @Autowired
    Letters letters;
    @Autowired
    LetterMailer mailer;
    @Autowired
    JdbcTemplate jdbc;

    long denial;
    long sudDenial;

    @BeforeAll
    void ingestTwoDenials() {
        intake.ingest("letter-api.835", KnownRemittance.from(PAYER, "LETTER API PLAN", "LETTER-API-1", "20260302", "0")
                .claim("CLP*LAPI-1*4*200*0**12*ICN-LAPI-1", "CAS*CO*50*200", "NM1*QC*1*RIVERA*MARISOL****MI*LAPI123",
                        "SVC*HC:90837*200*0**1", "DTM*472*20260220", "LQ*HE*N115")
                .claim("CLP*LAPI-2*4*420*0**12*ICN-LAPI-2", "CAS*CO*50*420", "NM1*QC*1*STONE*AVA****MI*LAPI456",
                        "SVC*HC:H0015*420*0**1", "DTM*472*20260221")
                .bytes(), "UPLOAD", "test");
        denial = jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = 'LAPI-1'",
                Long.class, PAYER);
        sudDenial = jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = 'LAPI-2'",
                Long.class, PAYER);
    }

    @Test
    void aStoredVersionIsItsPdfAndReRenderingOnlyAddsAVersionWhenSomethingChanged() {
        Letters.LetterVersion first = letters.render(denial, LetterKind.APPEAL, 1, "Notes enclosed.", "biller");
        Letters.LetterVersion same = letters.render(denial, LetterKind.APPEAL, 1, "Notes enclosed.", "biller");
        Letters.LetterVersion edited = letters.render(denial, LetterKind.APPEAL, 1, "Notes and plan enclosed.", "biller");

        assertThat(same.id()).isEqualTo(first.id());
        assertThat(edited.version()).isEqualTo(first.version() + 1);
        assertThat(edited.sha256()).hasSize(64).isNotEqualTo(first.sha256());
        // a download from a page: the session's login
        var pdf = web("biller").getBytes("/letters/" + edited.id() + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue(MediaType.APPLICATION_PDF_VALUE);
        assertThat(new String(pdf.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(LetterAttachments.sha256(pdf.body())).isEqualTo(edited.sha256());
        // the download is audited once the response is written: look until it is there
        assertThat(auditedExports(edited.id())).isEqualTo(1);
        var listed = rest.withBasicAuth("biller", "demo").getForEntity("/api/denials/" + denial + "/letters",
                JsonNode.class);
        assertThat(listed.getBody().findValuesAsText("template")).contains("medical-necessity.ftlh");
    }

    @Autowired
    org.overturn.denial.AppealDeadlines deadlines;

    @Test
    void aMedicareLetterFilesTheLevelItsDenialStandsOnWithThatLevelsFormFieldsAndRecipient() throws Exception {
        intake.ingest("letter-api-medicare.835", KnownRemittance.from("LETTER-API-MAC", "LETTER API MAC", "LETTER-API-M",
                        "20260302", "0")
                .claim("CLP*LAPI-M*4*150*0**MB*ICN-LAPI-M", "CAS*CO*50*150", "NM1*QC*1*LAKE*NORA****MI*1EG4TE5MK73",
                        "SVC*HC:90837*150*0**1", "DTM*472*20260220", "LQ*HE*N115")
                .bytes(), "UPLOAD", "test");
        long medicare = jdbc.queryForObject("select id from denial where patient_control_number = 'LAPI-M'", Long.class);

        String redetermination = LetterRendererTest.text(
                letters.preview(medicare, LetterKind.APPEAL, 1, null, "biller").pdf());
        assertThat(redetermination).contains("Attn: Redetermination", "Request for redetermination",
                "Form CMS-20027 fields", "Medicare number 1EG4TE5MK73", "Date of the initial determination notice",
                "42 CFR part 405 subpart I").doesNotContainIgnoringCase("parity");

        deadlines.raise(medicare, java.time.LocalDate.of(2026, 5, 11));
        String reconsideration = LetterRendererTest.text(
                letters.preview(medicare, LetterKind.APPEAL, 2, null, "biller").pdf());
        assertThat(reconsideration).contains("Attn: Reconsideration", "Form CMS-20033 fields",
                "Date of the redetermination notice 05/11/2026", "Contractor that made the redetermination LETTER API MAC",
                "Qualified Independent Contractor").doesNotContain("Attn: Redetermination");
    }

    @Test
    void aPart2LetterIsOnlyForUsersWithPart2Access() {
        Letters.LetterVersion version = letters.render(sudDenial, LetterKind.APPEAL, 1, "ASAM criteria met", "sud-biller");

        var anonymous = rest.getForEntity("/letters/" + version.id() + ".pdf", byte[].class);
        assertThat(anonymous.getHeaders().getContentType()).as("sent to the sign-in page")
                .isNotEqualTo(MediaType.APPLICATION_PDF);
        assertThat(web("biller").get("/letters/" + version.id() + ".pdf").statusCode()).isEqualTo(403);
        assertThat(rest.withBasicAuth("manager", "demo").getForEntity("/api/denials/" + sudDenial + "/letters",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(web("sud-biller").getBytes("/letters/" + version.id() + ".pdf").statusCode()).isEqualTo(200);
    }

    @Test
    void documentsAreAttachedByContentAndEnclosedInTheNextVersion() {
        byte[] pdf = letters.preview(denial, LetterKind.APPEAL, 1, null, "biller").pdf();

        var added = upload("biller", denial, "session note.pdf", pdf);
        var refused = upload("biller", denial, "note.pdf", "MZ this is no pdf".getBytes());
        var hidden = upload("biller", sudDenial, "note.pdf", pdf);

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().get("message").asText()).contains("Only PDF, PNG, JPEG or TIFF");
        assertThat(hidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        long id = added.getBody().get("id").asLong();
        var download = web("biller").getBytes("/attachments/" + id);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(org.springframework.http.ContentDisposition.parse(download.headers().firstValue(
                "Content-Disposition").orElseThrow()).getFilename()).isEqualTo("session note.pdf");

        var draft = letters.preview(denial, LetterKind.APPEAL, 1, "See the note.", "biller");
        assertThat(draft.html()).contains("session note.pdf");
    }

    private int auditedExports(long versionId) {
        // written once the response is complete, which the client may see a moment earlier
        return org.awaitility.Awaitility.await("the export's audit event").atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> jdbc.queryForObject("select count(*) from audit_event where action = 'EXPORT' "
                        + "and record_type = 'letter-version' and record_id = ?", Integer.class,
                        String.valueOf(versionId)), count -> count > 0);
    }

    @Test
    void aDenialsAttachmentsStayWithinTheirTotalSizeAndALetterOverItIsNotSent() {
        intake.ingest("letter-api-size.835", KnownRemittance.from(PAYER, "LETTER API PLAN", "LETTER-API-3",
                        "20260302", "0")
                .claim("CLP*LAPI-3*4*200*0**12*ICN-LAPI-3", "CAS*CO*50*200", "NM1*QC*1*WEST*JO****MI*LAPI789",
                        "SVC*HC:90837*200*0**1", "DTM*472*20260220")
                .bytes(), "UPLOAD", "test");
        long heavy = jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = "
                + "'LAPI-3'", Long.class, PAYER);
        byte[] eightMegabytes = new byte[8 * 1024 * 1024];
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, eightMegabytes, 0, 9);

        assertThat(upload("biller", heavy, "notes-1.pdf", eightMegabytes).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(upload("biller", heavy, "notes-2.pdf", eightMegabytes).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var third = upload("biller", heavy, "notes-3.pdf", eightMegabytes);

        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(third.getBody().get("message").asText()).contains("total at most 20.0 MB");

        // attachments stored before the limit was lowered: the letter is not sent, and says why
        jdbc.update("""
                insert into letter_attachment (denial_id, file_name, content_type, size_bytes, sha256, content,
                                               uploaded_by, uploaded_at)
                values (?, 'older.pdf', 'application/pdf', ?, ?, ?, 'biller', now())
                """, heavy, eightMegabytes.length, LetterAttachments.sha256(eightMegabytes), eightMegabytes);
        Letters.LetterVersion version = letters.render(heavy, LetterKind.APPEAL, 1, "Notes enclosed.", "biller");

        assertThatThrownBy(() -> mailer.send(version.id(), "biller", null, java.util.List.of()))
                .isInstanceOf(LetterMailer.AttachmentsTooLarge.class)
                .hasMessageContaining("not sent").hasMessageContaining("24.0 MB");
        assertThat(jdbc.queryForObject("select count(*) from letter_delivery where letter_version_id = ?",
                Integer.class, version.id())).isZero();
    }

    @Test
    void thePreviewFromThePrepareAppealFormShowsTheClinicalCaseAndAMedicareClaimGetsNoParityArgument()
            throws java.io.IOException {
        intake.ingest("letter-api-medicare.835", KnownRemittance.from(PAYER, "LETTER API PLAN", "LETTER-API-4",
                        "20260302", "0")
                .claim("CLP*LAPI-4*4*310*0**MA*ICN-LAPI-4", "CAS*CO*50*310", "NM1*QC*1*LAKE*RAY****MI*LAPI321",
                        "SVC*HC:S9480*310*0**1", "DTM*472*20260224")
                .bytes(), "UPLOAD", "test");
        long medicare = jdbc.queryForObject("select id from denial where payer_id = ? and patient_control_number = "
                + "'LAPI-4'", Long.class, PAYER);

        var preview = web("biller").postForBytes("/denials/" + medicare + "/letters/preview", java.util.Map.of(
                "appealAction", "SUBMIT", "appealArgument", "The patient could not step down safely.",
                MedicalNecessity.Fields.CRITERIA, "LOCUS", MedicalNecessity.Fields.SCORES, "Composite 19 (level 3)",
                MedicalNecessity.Fields.RISK, "Self-harm last month", MedicalNecessity.Fields.PEER_TO_PEER_OFFERED,
                "true"));

        assertThat(preview.statusCode()).isEqualTo(200);
        String text;
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(preview.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Patient RAY LAKE", "Member ID LAPI321", "Payer claim number ICN-LAPI-4",
                        "Plan type Medicare",
                        "Level-of-care criteria. LOCUS (Level of Care Utilization System): Composite 19 (level 3)",
                        "Risk. Self-harm last month", "The patient could not step down safely.", "peer-to-peer review")
                .doesNotContainIgnoringCase("parity").doesNotContainIgnoringCase("null");
        assertThat(letters.preview(medicare, LetterKind.APPEAL, 1, "x", "biller").html())
                .as("without the form's case").doesNotContain("Level-of-care criteria", "peer-to-peer");
    }

    private org.springframework.http.ResponseEntity<JsonNode> upload(String user, long denialId, String name,
                                                                     byte[] content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/denials/" + denialId + "/attachments",
                new HttpEntity<>(body, headers), JsonNode.class);
    }
}
