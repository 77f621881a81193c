package org.overturn.report;

import static org.overturn.dashboard.ExcelSheet.integer;
import static org.overturn.dashboard.ExcelSheet.money;
import static org.overturn.dashboard.ExcelSheet.percent;
import static org.overturn.dashboard.ExcelSheet.text;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.overturn.dashboard.ExcelSheet;
import org.overturn.dashboard.ExcelWriter;
import org.overturn.letters.LetterRenderer;
import org.springframework.stereotype.Component;

/**
 * The report as a PDF (its template {@code templates/reports/client-report.ftlh} made into a PDF by the letters'
 * renderer: same fonts, nothing fetched) and as an Excel workbook (the dashboard's writer), with the same figures.
 * File names name the practice's id and the month, never a patient.
 */
@Component
public class ClientReportDocuments {

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);
    private final LetterRenderer renderer;

    ClientReportDocuments(LetterRenderer renderer) {
        this.renderer = renderer;
        freemarker.setTemplateLoader(new ClassTemplateLoader(ClientReportDocuments.class, "/templates/reports"));
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.US);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
    }

    public static String fileName(ClientReport report, String extension) {
        return "denial-report-practice" + report.practice().id() + "-" + report.month() + "." + extension;
    }

    public byte[] pdf(ClientReport report) {
        StringWriter html = new StringWriter();
        try {
            freemarker.getTemplate("client-report.ftlh").process(Map.of("report", report), html);
        } catch (TemplateException e) {
            throw new IllegalStateException("the client report template failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return renderer.pdf(html.toString());
    }

    public byte[] xlsx(ClientReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            ExcelWriter.write(out, sheets(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One line of the summary sheet. */
    record Figure(String name, Long count, BigDecimal dollars, Double rate) {
    }

    static List<ExcelSheet<?>> sheets(ClientReport r) {
        List<Figure> summary = List.of(
                new Figure("Practice: " + r.practice().name(), null, null, null),
                new Figure("Month: " + r.month(), null, null, null),
                new Figure("Denials received", r.received().denials(), r.received().dollars(), null),
                new Figure("Recovered", r.recovered().denials(), r.recovered().dollars(), null),
                new Figure("Written off", r.writtenOff().denials(), r.writtenOff().dollars(), null),
                new Figure("Open (still being worked on " + r.madeOn() + ")", r.open().denials(), r.open().dollars(), null),
                new Figure("Appeals sent", r.appeals().sent(), null, null),
                new Figure("Appeals won", r.appeals().won(), null, r.appeals().winRate()),
                new Figure("Appeals lost", r.appeals().lost(), null, null),
                new Figure("Appeal deadlines met", r.deadlines().met(), null, null),
                new Figure("Appeals filed after the deadline", r.deadlines().filedLate(), null, null),
                new Figure("Appeal deadlines missed", r.deadlines().missed(), null, null));
        return List.of(
                ExcelSheet.of("Summary", summary, List.of(text("Figure", 44, Figure::name),
                        integer("Denials", Figure::count), money("Dollars", Figure::dollars),
                        percent("Rate", Figure::rate))),
                ExcelSheet.of("Open by age", r.openByAge(), List.of(
                        text("Days since remittance", 22, ClientReport.Aging::bucket),
                        integer("Open denials", ClientReport.Aging::denials),
                        money("Dollars at risk", ClientReport.Aging::atRisk))),
                shares("Top root causes", "Root cause", r.rootCauses()),
                shares("Top payers", "Payer", r.payers()));
    }

    private static ExcelSheet<ClientReport.Share> shares(String name, String keyHeader, List<ClientReport.Share> rows) {
        return ExcelSheet.of(name, rows, List.of(text(keyHeader, 30, ClientReport.Share::key),
                integer("Denials", ClientReport.Share::denials), money("Dollars at risk", ClientReport.Share::dollars)));
    }
}
