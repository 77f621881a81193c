package org.overturn.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overturn.practice.Practice;
import org.overturn.practice.Practices;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly client report on demand: a page to pick a practice and a month ({@code /dashboard/reports}), the
 * report as PDF and workbook (page downloads under {@code /dashboard/reports/}, the same under
 * {@code /api/dashboard/reports/} for API clients, which also get its figures as JSON) and an email to the practice's
 * contact now. Managers and admins (the dashboard's rule), for the practices they are assigned to only.
 */
@Controller
class ClientReportPages {

    public record ReportsPage(CurrentUser user, List<Practice> practices, Practice practice, String month,
                              ClientReport report, String contactEmail, List<ClientReportMail.Delivery> deliveries,
                              Map<String, String> names) {
    }

    private final ClientReports reports;
    private final ClientReportDocuments documents;
    private final ClientReportMail mail;
    private final Practices practices;
    private final PracticeAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    ClientReportPages(ClientReports reports, ClientReportDocuments documents, ClientReportMail mail,
                      Practices practices, PracticeAccess access, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.documents = documents;
        this.mail = mail;
        this.practices = practices;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/dashboard/reports")
    String page(@RequestParam(required = false) Long practice, @RequestParam(required = false) String month,
                Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        List<Practice> mine = practices.of(user);
        YearMonth chosen = month == null || month.isBlank() ? YearMonth.now(clock).minusMonths(1) : month(month);
        Practice shown = practice == null ? mine.stream().findFirst().orElse(null) : practice(user, practice);
        ClientReport report = shown == null ? null : reports.compute(ref(shown), chosen);
        Map<String, String> names = new LinkedHashMap<>();
        mine.forEach(p -> names.put(String.valueOf(p.id()), p.name()));
        model.addAttribute("page", new ReportsPage(user, mine, shown, chosen.toString(), report,
                shown == null ? null : shown.contactEmail(),
                mail.recent(mine.stream().map(Practice::id).toList(), 50), names));
        return "client-reports";
    }

    @GetMapping("/api/dashboard/reports/{practice}/{month}")
    @ResponseBody
    ClientReport figures(@PathVariable long practice, @PathVariable String month, Authentication authentication) {
        return reports.compute(ref(practice(CurrentUser.of(authentication), practice)), month(month));
    }

    @GetMapping({"/dashboard/reports/{practice}/{month}.pdf", "/api/dashboard/reports/{practice}/{month}.pdf"})
    ResponseEntity<byte[]> pdf(@PathVariable long practice, @PathVariable String month, Authentication authentication) {
        ClientReport report = reports.compute(ref(practice(CurrentUser.of(authentication), practice)), month(month));
        audit.record(AuditAction.EXPORT, "practice", String.valueOf(practice), "monthly report " + month + " (PDF)");
        return ResponseEntity.ok().header("Content-Type", "application/pdf")
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(ClientReportDocuments.fileName(report, "pdf")).build().toString())
                .header("Cache-Control", "no-store").body(documents.pdf(report));
    }

    /** Audited as every .xlsx download is (security's PHI access auditor). */
    @GetMapping({"/dashboard/reports/{practice}/{month}.xlsx", "/api/dashboard/reports/{practice}/{month}.xlsx"})
    void xlsx(@PathVariable long practice, @PathVariable String month, Authentication authentication,
              HttpServletResponse response) throws IOException {
        ClientReport report = reports.compute(ref(practice(CurrentUser.of(authentication), practice)), month(month));
        byte[] workbook = documents.xlsx(report);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", ContentDisposition.attachment()
                .filename(ClientReportDocuments.fileName(report, "xlsx")).build().toString());
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(workbook);
    }

    /** Emails the report to the practice's contact now: queued, then tried at once; retried later when it fails. */
    @PostMapping("/api/dashboard/reports/{practice}/{month}/email")
    @ResponseBody
    ResponseEntity<ClientReportMail.Delivery> email(@PathVariable long practice, @PathVariable String month,
                                                    Authentication authentication) {
        ClientReportMail.Delivery delivery = send(CurrentUser.of(authentication), practice, month);
        return ResponseEntity.status(delivery.status().equals("SENT") ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(delivery);
    }

    @PostMapping("/dashboard/reports/{practice}/{month}/email")
    String emailFromPage(@PathVariable long practice, @PathVariable String month, Authentication authentication,
                         RedirectAttributes redirect) {
        ClientReportMail.Delivery delivery = send(CurrentUser.of(authentication), practice, month);
        redirect.addFlashAttribute("notice", delivery.status().equals("SENT")
                ? "Emailed to " + delivery.sentTo() + "."
                : "Not sent yet (" + delivery.lastError() + "): it is tried again in a few minutes.");
        redirect.addAttribute("practice", practice);
        redirect.addAttribute("month", month);
        return "redirect:/dashboard/reports";
    }

    private ClientReportMail.Delivery send(CurrentUser user, long practiceId, String month) {
        Practice practice = practice(user, practiceId);
        if (practice.contactEmail() == null || practice.contactEmail().isBlank()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The practice has no contact email");
        }
        long id = mail.queue(practice.id(), month(month), user.id());
        audit.record(AuditAction.EXPORT, "practice", String.valueOf(practiceId), "monthly report " + month
                + " emailed to the practice's contact");
        return mail.sendNow(id);
    }

    /** The practice, when the user works it: 403 (audited) when it is not theirs, 404 when there is none. */
    private Practice practice(CurrentUser user, long id) {
        access.require(user, id, "practice", id);
        return practices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No practice " + id));
    }

    private static ClientReport.Practice ref(Practice practice) {
        return new ClientReport.Practice(practice.id(), practice.name());
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A month is written YYYY-MM: " + text);
        }
    }
}
