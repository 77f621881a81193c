package org.overturn.dashboard;

import static org.overturn.dashboard.ExcelSheet.decimal;
import static org.overturn.dashboard.ExcelSheet.integer;
import static org.overturn.dashboard.ExcelSheet.money;
import static org.overturn.dashboard.ExcelSheet.percent;
import static org.overturn.dashboard.ExcelSheet.text;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.security.CurrentUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The portfolio: the practices a manager is assigned to, side by side ({@code /dashboard/portfolio}), as JSON
 * ({@code /api/dashboard/portfolio}) and as a workbook ({@code /dashboard/portfolio.xlsx}, and under {@code /api} for
 * API clients). A practice the user is
 * not assigned to is never a row.
 */
@Controller
class PortfolioPages {

    public record PortfolioPage(CurrentUser user, DashboardFilter filter, LocalDate asOf, List<Portfolio.Row> rows,
                                String query) {
    }

    public record PortfolioJson(DashboardFilter filter, List<Portfolio.Row> practices) {
    }

    private final Portfolio portfolio;
    private final Practices practices;
    private final Clock clock;

    PortfolioPages(Portfolio portfolio, Practices practices, Clock clock) {
        this.portfolio = portfolio;
        this.practices = practices;
        this.clock = clock;
    }

    @GetMapping("/dashboard/portfolio")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        DashboardFilter filter = new DashboardFilter(from, to, null);
        model.addAttribute("page", new PortfolioPage(user, filter, LocalDate.now(clock), rows(user, filter),
                DashboardPages.query(filter)));
        return "portfolio";
    }

    @GetMapping("/api/dashboard/portfolio")
    @ResponseBody
    PortfolioJson json(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       Authentication authentication) {
        DashboardFilter filter = new DashboardFilter(from, to, null);
        return new PortfolioJson(filter, rows(CurrentUser.of(authentication), filter));
    }

    @GetMapping({"/dashboard/portfolio.xlsx", "/api/dashboard/portfolio.xlsx"})
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Authentication authentication, HttpServletResponse response) throws IOException {
        List<Portfolio.Row> rows = rows(CurrentUser.of(authentication), new DashboardFilter(from, to, null));
        Exports.startWorkbook(response, "overturn-portfolio-" + LocalDate.now(clock) + ".xlsx");
        ExcelWriter.write(response.getOutputStream(), List.of(sheet(rows)));
    }

    private List<Portfolio.Row> rows(CurrentUser user, DashboardFilter filter) {
        List<PracticeRef> mine = practices.of(user).stream().map(p -> new PracticeRef(p.id(), p.name())).toList();
        return portfolio.of(mine, filter);
    }

    static ExcelSheet<Portfolio.Row> sheet(List<Portfolio.Row> rows) {
        return ExcelSheet.of("Portfolio", rows, List.of(
                text("Practice", 36, r -> r.practice().name()),
                integer("Claims", Portfolio.Row::claims), integer("Denied", Portfolio.Row::denied),
                percent("Denial rate", Portfolio.Row::denialRate),
                integer("Open denials", Portfolio.Row::openDenials),
                money("Dollars at risk", Portfolio.Row::dollarsAtRisk),
                integer("Appeals decided", Portfolio.Row::appealsDecided),
                integer("Overturned", Portfolio.Row::overturned),
                percent("Overturn rate", Portfolio.Row::overturnRate),
                integer("Denials resolved", Portfolio.Row::resolved),
                decimal("Days to resolution", Portfolio.Row::daysToResolution)));
    }
}
