package org.overturn.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.overturn.denial.RootCause;

/** Every letter template rendered to PDF with a real claim's facts, read back as text. */
class LetterRendererTest {

    static LettersProperties properties(String templateDir) {
        return new LettersProperties(templateDir, new LettersProperties.Practice("Riverside Behavioral Health",
                List.of("200 Main Street, Suite 4", "Springfield, IL 62701"), "217-555-0100", null, null),
                new LettersProperties.Signer("Dana Whitfield", "Billing Manager"), "appeals@riverside.example", null,
                10_485_760, 20, 20_971_520);
    }

    static LetterFacts facts(String argument, boolean part2, boolean parity) {
        return new LetterFacts("November 23, 2026",
                new LetterFacts.Practice("Riverside Behavioral Health", "1234567893",
                        List.of("200 Main Street, Suite 4", "Springfield, IL 62701"), "217-555-0100", null, null),
                new LetterFacts.Payer("87726", "Harbor Health Plan", List.of("PO Box 30555", "Salt Lake City, UT 84130"),
                        "appeals@harbor.example", "COMMERCIAL", true),
                new LetterFacts.Claim("Jane Doe", "M123456789", "PCN-4471", "ICN-2026-000417", "02/20/2026", "$150.00",
                        "$0.00", "$150.00", "1111111111", "03/02/2026", "EFT-9912", "08/29/2026"),
                List.of(new LetterFacts.Line("02/20/2026", "90837", "95", "1", "$150.00", "$0.00", "CO-50 $150.00")),
                List.of(new LetterFacts.Reason("CO-50", "CARC", "Contractual Obligations: These are non-covered "
                        + "services because this is not deemed a 'medical necessity' by the payer."),
                        new LetterFacts.Reason("N115", "RARC", "This decision was based on a Local Coverage Determination (LCD).")),
                "MEDICAL_NECESSITY", "Medical necessity", "CO-50 with N115", 1, "First-level appeal",
                LetterFactsAssembler.paragraphs(argument), List.of("Session note 2026-02-20.pdf", "Treatment plan.pdf"),
                new LetterFacts.Signer("Dana Whitfield", "Billing Manager"), part2, parity,
                new LetterFacts.Correction("Modifier 95 replaced by POS 10", "Video session at home", "03/05/2026"),
                parity ? parity() : null, null, null);
    }

    static LetterFacts.Parity parity() {
        return new LetterFacts.Parity("MHPAEA", "the Mental Health Parity and Addiction Equity Act (29 U.S.C. 1185a; "
                + "29 CFR 2590.712)", "NQTL_MEDICAL_NECESSITY",
                "medical necessity criteria (non-quantitative treatment limitation)", "LIKELY",
                "Medical necessity denial of an intermediate level of care", "INTENSIVE_OUTPATIENT", "03/10/2026",
                "04/09/2026", null, "U.S. Department of Labor, Employee Benefits Security Administration",
                List.of("200 Constitution Ave NW", "Washington, DC 20210"), "askebsa.dol.gov or 1-866-444-3272",
                List.of("The denial (remittance of 03/02/2026, CO-50)", "Our request of 03/10/2026"));
    }

    final LetterRenderer renderer = new LetterRenderer(new LetterTemplates(properties(null)));

    @ParameterizedTest
    @EnumSource(RootCause.class)
    void everyAppealTemplateRendersTheClaimTheCodesAndTheArgument(RootCause rootCause) throws IOException {
        String template = LetterTemplates.nameFor(LetterKind.APPEAL, rootCause);
        var letter = renderer.render(template, "87726", facts("The session note records 55 minutes.", false, false));

        String text = text(letter.pdf());
        assertThat(letter.template()).isEqualTo(template + ".ftlh");
        assertThat(letter.pages()).isBetween(1, 2);
        assertThat(text).contains("Riverside Behavioral Health", "Harbor Health Plan", "PO Box 30555",
                "Jane Doe", "M123456789", "PCN-4471", "ICN-2026-000417", "02/20/2026", "$150.00", "CO-50",
                "not deemed a 'medical necessity'", "N115", "90837", "First-level appeal",
                "The session note records 55 minutes.", "Session note 2026-02-20.pdf", "Dana Whitfield",
                "Billing Manager")
                .doesNotContain("42 CFR 2.32", "Mental Health Parity");
    }

    static LetterFacts withBilled(LetterFacts f, LetterFacts.Billed billed) {
        return new LetterFacts(f.date(), f.practice(), f.payer(), f.claim(), f.lines(), f.reasons(), f.rootCause(),
                f.rootCauseLabel(), f.explanation(), f.appealLevel(), f.appealLevelName(), f.argument(),
                f.enclosures(), f.signer(), f.part2(), f.parityConcern(), f.correction(), f.parity(), billed,
                f.appeal());
    }

    static LetterFacts.Billed billed(String acceptedOn, String report) {
        return new LetterFacts.Billed("04/12/1984", List.of("F33.1", "F41.1"), "Ana Morales", "1497758544",
                "Clinical social worker (LCSW)", "AUTH-77", null, "02/23/2026", "BATCH-0223", acceptedOn, report, 5L,
                90, true, acceptedOn != null);
    }

    @Test
    void theClaimAsBilledGivesEveryAppealTheBirthDateDiagnosesRenderingProviderAndAuthorization() throws IOException {
        var letter = renderer.render("medical-necessity", "87726",
                withBilled(facts(null, false, false), billed(null, null)));

        assertThat(text(letter.pdf())).contains("Date of birth", "04/12/1984", "F33.1, F41.1",
                "Ana Morales, Clinical social worker (LCSW) (NPI 1497758544)", "AUTH-77", "Claim first submitted",
                "02/23/2026");
        assertThat(text(renderer.render("medical-necessity", "87726", facts(null, false, false)).pdf()))
                .doesNotContain("Date of birth", "Claim first submitted");
    }

    @Test
    void aTimelyFilingAppealCitesThePayersAcceptanceAndItsReportWhenOnFile() throws IOException {
        var withProof = renderer.render("timely-filing", "87726",
                withBilled(facts(null, false, false), billed("02/25/2026", "RPT-CJ4 (payer claim PAYER-CJ4)")));
        var withoutProof = renderer.render("timely-filing", "87726",
                withBilled(facts(null, false, false), billed(null, null)));

        // (the PDF's text may break a date at its slash: the acceptance date is checked without it)
        assertThat(text(withProof.pdf()).replace(" /", "/")).contains("first submitted on 02/23/2026",
                "accepted it into adjudication on 02/25/2026", "RPT-CJ4 (payer claim PAYER-CJ4)",
                "5 days after the first date of service", "within your filing limit of 90 days");
        assertThat(text(withoutProof.pdf())).contains("first submitted on 02/23/2026",
                "no acknowledgment of its acceptance on file").doesNotContain("accepted it");
    }

    @Test
    void theCorrectedClaimCoverSaysWhatChangedAndIsNoAppeal() throws IOException {
        var letter = renderer.render(LetterTemplates.nameFor(LetterKind.CORRECTED_CLAIM_COVER, RootCause.TELEHEALTH),
                "87726", facts(null, false, false));

        assertThat(text(letter.pdf())).contains("Corrected claim", "frequency code 7", "ICN-2026-000417",
                "Modifier 95 replaced by POS 10", "Video session at home")
                .doesNotContain("If you uphold the denial");
    }

    @Test
    void aPart2RecordCarriesTheRedisclosureNoticeAndAParityConcernItsParagraph() throws IOException {
        var letter = renderer.render("benefit-limit", "87726", facts(null, true, true));

        assertThat(text(letter.pdf())).contains("Notice to the recipient (42 CFR 2.32)",
                "Mental Health Parity and Addiction Equity Act", "comparative analysis");
    }

    @Test
    void thePart2NoticeIsTheWholeStatementOf232AsAmendedIn2024() throws IOException {
        var notice = org.overturn.part2.RedisclosureNotice.shipped();
        String text = text(renderer.render("benefit-limit", "87726", facts(null, true, false)).pdf())
                .replaceAll("\\s+", " ");

        assertThat(notice.statement1()).hasSize(5).allSatisfy(paragraph -> assertThat(text).contains(paragraph));
        assertThat(text).contains("(ii) You are a covered entity or business associate and have received the record "
                + "for treatment, payment, or health care operations", "45 CFR part 164, subparts A and E");
        assertThat(notice.statement2()).isEqualTo("42 CFR part 2 prohibits unauthorized use or disclosure of these "
                + "records.");
        assertThat(notice.source()).startsWith("https://www.ecfr.gov/");
        assertThat(notice.asOf()).isEqualTo("2024");
    }

    @Test
    void theConsentScopeEnclosureCarriesTheScopeAndTheNotice() throws IOException {
        byte[] pdf = renderer.consentScope(new LetterRenderer.ConsentScopeEnclosure("Riverside Counseling", 41,
                "the payer ACME HEALTH (ACME-1)", "2026-03-15", java.util.List.of("Consent no. 7 of JANE DOE, signed "
                + "by the patient on 2026-03-01. It permits Riverside OTP to disclose claims to the payer ACME.")));

        assertThat(text(pdf).replaceAll("\\s+", " ")).contains("Riverside Counseling discloses the enclosed record of "
                + "denial 41 to the payer ACME HEALTH (ACME-1)", "Scope of the consent (42 CFR 2.32(b))",
                "Consent no. 7 of JANE DOE", "Notice to the recipient (42 CFR 2.32(a))",
                "(iii) You have received the record from a covered entity");
    }

    @Test
    void nothingFromAnEightThirtyFiveOrABillerBecomesMarkup() throws IOException {
        String hostile = "<script>alert('x')</script> & <b>bold</b>\n\nSecond paragraph";
        var letter = renderer.render("medical-necessity", "87726", facts(hostile, false, false));

        assertThat(letter.html()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>", "<b>bold");
        assertThat(text(letter.pdf())).contains("<script>alert('x')</script> & <b>bold</b>", "Second paragraph");
    }

    @Test
    void theFontsAreEmbedded() throws IOException {
        var letter = renderer.render("reconsideration", "87726", facts(null, false, false));

        try (PDDocument pdf = Loader.loadPDF(letter.pdf())) {
            assertThat(pdf.getNumberOfPages()).isPositive();
            for (var page : pdf.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).contains("DejaVuSerif");
                }
            }
        }
    }

    @Test
    void aPayersOwnTemplateAndAnOfficesEditedTemplateWinOverTheShippedOne(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("payers/87726"));
        Files.writeString(folder.resolve("payers/87726/reconsideration.ftlh"), """
                <#include "/common.ftlh">
                <@letterPage subject="Harbor reconsideration form HB-12"><p>Harbor wants form HB-12.</p><@closing/></@letterPage>
                """);
        Files.writeString(folder.resolve("timely-filing.ftlh"), """
                <#include "/common.ftlh">
                <@letterPage subject="Our own timely filing letter"><p>Edited by the office.</p><@closing/></@letterPage>
                """);
        var edited = new LetterRenderer(new LetterTemplates(properties(folder.toString())));

        var harbor = edited.render("reconsideration", "87726", facts(null, false, false));
        var other = edited.render("reconsideration", "60054", facts(null, false, false));
        var timely = edited.render("timely-filing", "60054", facts(null, false, false));

        assertThat(harbor.template()).isEqualTo("payers/87726/reconsideration.ftlh");
        assertThat(text(harbor.pdf())).contains("Harbor wants form HB-12", "Jane Doe");
        assertThat(text(other.pdf())).contains("We request reconsideration").doesNotContain("HB-12");
        assertThat(text(timely.pdf())).contains("Edited by the office.");
    }

    @Test
    void aBrokenTemplateIsReportedByName(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("reconsideration.ftlh"), "<#include \"/common.ftlh\">${letter.nothing.here}");
        var broken = new LetterRenderer(new LetterTemplates(properties(folder.toString())));

        assertThatThrownBy(() -> broken.render("reconsideration", "87726", facts(null, false, false)))
                .isInstanceOf(LetterTemplateException.class).hasMessageContaining("reconsideration.ftlh");
    }

    @Test
    void aTemplateCannotInstantiateJavaClassesOrReachTheJavaApi(@TempDir Path folder) throws IOException {
        Path marker = folder.resolve("executed");
        Files.writeString(folder.resolve("reconsideration.ftlh"),
                "<#assign ex = \"freemarker.template.utility.Execute\"?new()>"
                        + "<html><body><p>${ex(\"touch " + marker + "\")}</p></body></html>");
        Files.writeString(folder.resolve("timely-filing.ftlh"),
                "<html><body><p>${letter?api.getClass().getName()}</p></body></html>");
        var hostile = new LetterRenderer(new LetterTemplates(properties(folder.toString())));

        assertThatThrownBy(() -> hostile.render("reconsideration", "87726", facts(null, false, false)))
                .isInstanceOf(LetterTemplateException.class);
        assertThatThrownBy(() -> hostile.render("timely-filing", "87726", facts(null, false, false)))
                .isInstanceOf(LetterTemplateException.class);
        assertThat(marker).doesNotExist();
    }

    @Test
    void aLetterFetchesNoUrlNeitherHttpNorFile(@TempDir Path folder) throws IOException {
        Path image = folder.resolve("logo.png");
        var png = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(png, "png", image.toFile());
        var bytes = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(png, "png", bytes);
        String inline = "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
        var requests = new java.util.concurrent.atomic.AtomicInteger();
        var server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Files.writeString(folder.resolve("reconsideration.ftlh"), """
                    <html><head><link rel="stylesheet" href="%1$s/style.css"/>
                    <style>@import url("%1$s/import.css"); p { background-image: url("%1$s/background.png"); }</style>
                    </head><body><p>Remote</p><img src="%1$s/logo.png"/><img src="%2$s"/></body></html>
                    """.formatted(base, image.toUri()));
            Files.writeString(folder.resolve("timely-filing.ftlh"), """
                    <html><body><p>Inline</p><img src="%s"/></body></html>
                    """.formatted(inline));
            var renderer = new LetterRenderer(new LetterTemplates(properties(folder.toString())));

            var remote = renderer.render("reconsideration", "87726", facts(null, false, false));
            var local = renderer.render("timely-filing", "87726", facts(null, false, false));

            assertThat(requests).hasValue(0);
            assertThat(text(remote.pdf())).contains("Remote");
            assertThat(images(remote.pdf())).as("the file: image is not read").isZero();
            assertThat(images(local.pdf())).as("a data: image still is").isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    private static int images(byte[] pdf) throws IOException {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (var page : document.getPages()) {
                var resources = page.getResources();
                for (var name : resources == null ? List.<org.apache.pdfbox.cos.COSName>of() : resources.getXObjectNames()) {
                    if (resources.isImageXObject(name)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePracticesLogoIsDrawnFromItsDataUriIntoThePdf() throws Exception {
        // a 1x1 PNG: the renderer has no URL to fetch, the image travels in the letter itself
        String logo = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                + "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
        LetterFacts plain = facts("The session note records 55 minutes.", false, false);
        Object[] components = new Object[LetterFacts.class.getRecordComponents().length];
        for (int i = 0; i < components.length; i++) {
            components[i] = LetterFacts.class.getRecordComponents()[i].getAccessor().invoke(plain);
        }
        LetterFacts.Practice p = plain.practice();
        components[1] = new LetterFacts.Practice(p.name(), p.npi(), p.address(), p.phone(), p.fax(), p.email(), logo);
        LetterFacts withLogo = (LetterFacts) LetterFacts.class.getDeclaredConstructor(
                java.util.Arrays.stream(LetterFacts.class.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getType).toArray(Class[]::new))
                .newInstance(components);

        var letter = renderer.render("medical-necessity", "87726", withLogo);
        var without = renderer.render("medical-necessity", "87726", plain);

        assertThat(letter.html()).contains("src=\"" + logo + "\"");
        assertThat(without.html()).doesNotContain("<img");
        assertThat(firstPageImages(letter.pdf())).isEqualTo(1);
        assertThat(firstPageImages(without.pdf())).isZero();
    }

    private static int firstPageImages(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int found = 0;
            for (var name : document.getPage(0).getResources().getXObjectNames()) {
                if (document.getPage(0).getResources().getXObject(name)
                        instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                    found++;
                }
            }
            return found;
        }
    }
}
