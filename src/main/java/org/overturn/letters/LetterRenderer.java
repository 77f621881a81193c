package org.overturn.letters;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.overturn.part2.RedisclosureNotice;
import org.springframework.stereotype.Component;

/**
 * Turns a letter's facts into HTML with its template, then into a PDF with the DejaVu Serif fonts embedded,
 * so the letter looks the same on every reader and printer. The renderer fetches nothing: only the bundled fonts
 * and {@code data:} URIs reach the PDF.
 */
@Component
public class LetterRenderer {

    /** The rendered letter: the HTML it was made from, the PDF, and which template made it. */
    public record RenderedLetter(String template, String html, byte[] pdf, int pages) {
    }

    private static final String SERIF = "DejaVu Serif";

    static {
        // openhtmltopdf logs every render at INFO ("Prepare to fly"); keep its warnings only
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }

    private final LetterTemplates templates;
    private final byte[] regular = font("DejaVuSerif.ttf");
    private final byte[] bold = font("DejaVuSerif-Bold.ttf");

    LetterRenderer(LetterTemplates templates) {
        this.templates = templates;
    }

    /**
     * What goes with each Part 2 disclosure (42 CFR 2.32): the statement of each consent's scope it rests on and
     * the notice to the recipient.
     *
     * @param recipients who receives the record, in words ("the payer ACME (ACME-1)")
     * @param scopes     {@code part2.Consent#scope()} of each consent
     */
    public record ConsentScopeEnclosure(String practice, long denialId, String recipients, String date,
                                        java.util.List<String> scopes) {
    }

    /** The PDF sent with a Part 2 disclosure: its consents' scope and the notice of 42 CFR 2.32. */
    public byte[] consentScope(ConsentScopeEnclosure enclosure) {
        Template template = templates.find(null, "part2-consent-scope");
        StringWriter out = new StringWriter();
        try {
            template.process(Map.of("enclosure", enclosure, "part2Notice", RedisclosureNotice.shipped()), out);
        } catch (TemplateException e) {
            throw new LetterTemplateException(template.getName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf(out.toString());
    }

    public RenderedLetter render(String templateName, String payerId, LetterFacts facts) {
        Template template = templates.find(payerId, templateName);
        String html = html(template, facts);
        byte[] pdf = pdf(html);
        return new RenderedLetter(template.getName(), html, pdf, pages(pdf));
    }

    private static String html(Template template, LetterFacts facts) {
        StringWriter out = new StringWriter();
        try {
            template.process(Map.of("letter", facts, "part2Notice", RedisclosureNotice.shipped()), out);
        } catch (TemplateException e) {
            throw new LetterTemplateException(template.getName(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Any HTML page of ours as a PDF with the letters' fonts, fetching nothing (the monthly client report uses it:
     * one rendering stack for everything the office sends out).
     */
    public byte[] pdf(String html) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new java.io.ByteArrayInputStream(regular), SERIF, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> new java.io.ByteArrayInputStream(bold), SERIF, 700, FontStyle.NORMAL, true);
            // a letter is made of its template and the claim's facts only: no URL in it (http:, file:, a payer's
            // template pointing at an intranet server) is ever fetched; images must be inline data: URIs
            builder.useExternalResourceAccessControl(LetterRenderer::inline,
                    ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.useExternalResourceAccessControl(LetterRenderer::inline,
                    ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static boolean inline(String uri, ExternalResourceType type) {
        return uri != null && uri.regionMatches(true, 0, "data:", 0, 5);
    }

    private static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String file) {
        try (InputStream in = LetterRenderer.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font /fonts/" + file + " missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
