package org.overturn.dashboard;

import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.workflow.EngineHealth;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.security.CurrentUser;
import org.overturn.security.PracticeAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The manager dashboard ({@code /dashboard}), its figures as JSON ({@code /api/dashboard}) and as a workbook
 * ({@code /dashboard/export.xlsx}). Managers and admins only (see the security configuration).
 */
@Controller
class DashboardPages {

    public record DashboardPage(CurrentUser user, Dashboard dashboard, EngineHealth.Health health,
                         List<Kpis.PayerOption> payers, List<PracticeRef> practices, String query, String chartData,
                         String cockpit,
                         org.overturn.parity.ParityKpis.Figures parity,
                         org.overturn.denial.AppealDeadlines.DeadlineCounts deadlines,
                         AuthorizationPanel.Figures authorizations,
                         org.overturn.recoupment.Recoupments.Figures recoupments) {
    }

    public record DashboardJson(Dashboard dashboard, EngineHealth.Health health) {
    }

    private final Kpis kpis;
    private final EngineHealth engine;
    private final ObjectMapper json;
    private final org.overturn.parity.ParityKpis parity;

    private final AuditTrail audit;
    private final org.overturn.denial.AppealDeadlines deadlines;
    private final AuthorizationPanel authorizations;
    private final org.overturn.recoupment.Recoupments recoupments;


    private final Practices practices;
    private final PracticeAccess access;
    private final FigureQueries queries;

    DashboardPages(Kpis kpis, EngineHealth engine, ObjectMapper json, org.overturn.parity.ParityKpis parity,
                   AuditTrail audit, org.overturn.denial.AppealDeadlines deadlines, AuthorizationPanel authorizations,
                   org.overturn.recoupment.Recoupments recoupments, Practices practices, PracticeAccess access,
                   FigureQueries queries) {
        this.queries = queries;
        this.authorizations = authorizations;
        this.practices = practices;
        this.access = access;
        this.deadlines = deadlines;
        this.recoupments = recoupments;
        this.audit = audit;
        this.parity = parity;
        this.kpis = kpis;
        this.engine = engine;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String payer, @RequestParam(required = false) Long practice,
                     Authentication authentication, Model model)
            throws JsonProcessingException {
        CurrentUser user = CurrentUser.of(authentication);
        var filter = filter(user, from, to, payer, practice);
        // the page's other panels are asked first, so that they run beside the KPIs' queries (FigureQueries)
        var payers = queries.ask(() -> kpis.payers(filter));
        var health = queries.ask(engine::now);
        var parityFigures = queries.ask(() -> parity.figures(from == null ? LocalDate.of(2000, 1, 1) : from,
                to == null ? LocalDate.of(2999, 12, 31) : to, filter.payer(), filter.practices()));
        var deadlineCounts = queries.ask(() -> deadlines.counts(filter.practices()));
        var authorizationFigures = queries.ask(() -> authorizations.figures(user, filter.counted()));
        var recoupmentFigures = queries.ask(() -> recoupments.figures(from, to, filter.payer(), filter.counted()));
        Dashboard dashboard = kpis.compute(filter);
        // inside a <script> element: "</" must not close it
        String chartData = json.writeValueAsString(dashboard).replace("</", "<\\/");
        model.addAttribute("page", new DashboardPage(user, dashboard, FigureQueries.answer(health),
                FigureQueries.answer(payers),
                practices.of(user).stream().map(org.overturn.practice.Practice::ref).toList(), query(filter),
                chartData, EngineHealth.COCKPIT, FigureQueries.answer(parityFigures),
                FigureQueries.answer(deadlineCounts), FigureQueries.answer(authorizationFigures),
                FigureQueries.answer(recoupmentFigures)));
        return "dashboard";
    }

    /** A manager tries a failed job again (the mail server is back): the job runs at once, its incident goes. */
    @PostMapping("/dashboard/incidents/{jobId}/retry")
    String retry(@PathVariable String jobId, RedirectAttributes redirect) {
        if (engine.retry(jobId)) {
            audit.record(AuditAction.JOB_RETRIED, "job", jobId, "failed job tried again from the dashboard");
            redirect.addFlashAttribute("notice", "Tried again: the job runs within a few seconds.");
        } else {
            redirect.addFlashAttribute("notice", "Nothing to try again: the job is gone or has retries left.");
        }
        return "redirect:/dashboard#incidents";
    }

    @GetMapping("/api/dashboard")
    @ResponseBody
    DashboardJson figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String payer,
                          @RequestParam(required = false) Long practice, Authentication authentication) {
        return new DashboardJson(kpis.compute(filter(CurrentUser.of(authentication), from, to, payer, practice)),
                engine.now());
    }

    @GetMapping("/dashboard/export.xlsx")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String payer, @RequestParam(required = false) Long practice,
                Authentication authentication, HttpServletResponse response) throws IOException {
        Dashboard dashboard = kpis.compute(filter(CurrentUser.of(authentication), from, to, payer, practice));
        Exports.startWorkbook(response, "overturn-dashboard-" + dashboard.asOf() + ".xlsx");
        ExcelWriter.write(response.getOutputStream(), DashboardSheets.of(dashboard, engine.now()));
    }

    /**
     * The user's filter within the practices they are assigned to; choosing a practice of somebody else's is
     * refused (403, audited) rather than answered with empty figures.
     */
    private DashboardFilter filter(CurrentUser user, LocalDate from, LocalDate to, String payer, Long practice) {
        if (practice != null) {
            access.require(user, practice, "practice", practice);
        }
        return DashboardFilter.of(from, to, payer, practice, user, access);
    }

    static String query(DashboardFilter filter) {
        var builder = org.springframework.web.util.UriComponentsBuilder.newInstance();
        Map.of("from", String.valueOf(filter.from()), "to", String.valueOf(filter.to()),
                "payer", String.valueOf(filter.payer()), "practice", String.valueOf(filter.practice())).forEach((k, v) -> {
            if (!v.equals("null")) {
                builder.queryParam(k, v);
            }
        });
        String query = builder.build().encode().getQuery();
        return query == null ? "" : query;
    }
}
