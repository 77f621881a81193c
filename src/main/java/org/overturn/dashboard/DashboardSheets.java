package org.overturn.dashboard;

import org.overturn.workflow.EngineHealth;
import static org.overturn.dashboard.ExcelSheet.dateTime;
import static org.overturn.dashboard.ExcelSheet.decimal;
import static org.overturn.dashboard.ExcelSheet.integer;
import static org.overturn.dashboard.ExcelSheet.money;
import static org.overturn.dashboard.ExcelSheet.percent;
import static org.overturn.dashboard.ExcelSheet.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The dashboard as a workbook: a summary sheet, then one sheet per view, with the same numbers as the page. */
final class DashboardSheets {

    /** One line of the summary sheet; only the cells that apply to the figure are filled. */
    public record Figure(String name, Long count, BigDecimal dollars, Double rate, Double days) {
    }

    private DashboardSheets() {
    }

    static List<ExcelSheet<?>> of(Dashboard d, EngineHealth.Health health) {
        List<ExcelSheet<?>> sheets = new ArrayList<>();
        sheets.add(ExcelSheet.of("Summary", summary(d, health), List.of(text("Figure", 44, Figure::name),
                integer("Count", Figure::count), money("Dollars", Figure::dollars), percent("Rate", Figure::rate),
                decimal("Days", Figure::days))));
        sheets.add(rates("Denial rate by payer", "Payer", d.byPayer()));
        sheets.add(rates("Denial rate by root cause", "Root cause", d.byRootCause()));
        sheets.add(rates("Denial rate by CPT", "CPT / HCPCS (first line)", d.byProcedure()));
        sheets.add(rates("Denial rate by provider", "Rendering NPI", d.byProvider()));
        sheets.add(rates("Denial rate by week", "Week of (Monday)", d.byWeek()));
        sheets.add(ExcelSheet.of("Open dollars by age", d.aging(), List.of(text("Days since remittance", 22,
                Dashboard.Aging::bucket), integer("Open denials", Dashboard.Aging::denials),
                money("Dollars at risk", Dashboard.Aging::atRisk))));
        sheets.add(ExcelSheet.of("Queues and SLA", d.backlog(), List.of(text("Queue", 18, Dashboard.Backlog::queue),
                integer("Open tasks", Dashboard.Backlog::open), integer("Overdue", Dashboard.Backlog::overdue),
                money("Dollars at risk", Dashboard.Backlog::atRisk),
                integer("SLA breaches", Dashboard.Backlog::slaBreaches))));
        sheets.add(appeals("Appeals by level", "Level", d.appealsByLevel()));
        sheets.add(appeals("Appeals by root cause", "Root cause", d.appealsByRootCause()));
        List<EngineHealth.Problem> problems = new ArrayList<>(health.incidentList());
        problems.addAll(health.stuckList());
        sheets.add(ExcelSheet.of("Incidents and stuck", problems, List.of(
                text("Process instance", 38, EngineHealth.Problem::processInstanceId),
                text("Denial", 10, EngineHealth.Problem::denialId), text("Activity", 28, EngineHealth.Problem::activity),
                dateTime("Since", EngineHealth.Problem::since), text("What", 60, EngineHealth.Problem::what))));
        return sheets;
    }

    private static List<Figure> summary(Dashboard d, EngineHealth.Health health) {
        var all = d.overall();
        return List.of(
                new Figure("Claims (first adjudication)", all.claims(), all.charged(), null, null),
                new Figure("Initial denial rate by volume", all.denied(), null, all.byVolume(), null),
                new Figure("Initial denial rate by dollars", null, all.deniedDollars(), all.byDollars(), null),
                new Figure("Open denials: dollars at risk", d.open().denials(), d.open().atRisk(), null, null),
                new Figure("Recovered", d.recovered().denials(), d.recovered().dollars(), null, null),
                new Figure("Written off", d.writtenOff().denials(), d.writtenOff().dollars(), null, null),
                new Figure("Closed with nothing lost (not written off)", d.closedWithoutLossTotal().denials(),
                        d.closedWithoutLossTotal().dollars(), null, null),
                nothingLost(d, "DUPLICATE_OF_PAID", "  duplicate of a paid claim"),
                nothingLost(d, "RECOUPMENT_ACCEPTED", "  recoupment accepted"),
                nothingLost(d, "PAID_ELSEWHERE", "  paid by another payer or a later payment"),
                new Figure("Underpaid (lines paid below contract)", d.underpaid().lines(), d.underpaid().dollars(),
                        null, null),
                new Figure("Days from denial to first appeal (average)", d.toAppeal().denials(), null, null,
                        d.toAppeal().averageDays()),
                new Figure("Days from denial to first appeal (median)", d.toAppeal().denials(), null, null,
                        d.toAppeal().medianDays()),
                new Figure("Days from denial to resolution (average)", d.toResolution().denials(), null, null,
                        d.toResolution().averageDays()),
                new Figure("Days from denial to resolution (median)", d.toResolution().denials(), null, null,
                        d.toResolution().medianDays()),
                new Figure("SLA breaches", d.backlog().stream().mapToLong(Dashboard.Backlog::slaBreaches).sum(),
                        null, null, null),
                new Figure("Open incidents", health.incidents(), null, null, null),
                new Figure("Stuck processes", health.stuck(), null, null, null));
    }

    private static Figure nothingLost(Dashboard d, String status, String label) {
        var row = d.closedWithoutLoss().stream().filter(n -> n.status().equals(status)).findFirst().orElseThrow();
        return new Figure(label, row.denials(), row.dollars(), null, null);
    }

    private static ExcelSheet<Dashboard.Rate> rates(String name, String keyHeader, List<Dashboard.Rate> rates) {
        return ExcelSheet.of(name, rates, List.of(text(keyHeader, 26, Dashboard.Rate::key),
                integer("Claims", Dashboard.Rate::claims), integer("Denied", Dashboard.Rate::denied),
                percent("Rate by volume", Dashboard.Rate::byVolume), money("Charged", Dashboard.Rate::charged),
                money("Denied dollars", Dashboard.Rate::deniedDollars),
                percent("Rate by dollars", Dashboard.Rate::byDollars)));
    }

    private static ExcelSheet<Dashboard.AppealOutcomes> appeals(String name, String keyHeader,
                                                                List<Dashboard.AppealOutcomes> rows) {
        return ExcelSheet.of(name, rows, List.of(text(keyHeader, 24, Dashboard.AppealOutcomes::key),
                integer("Sent", Dashboard.AppealOutcomes::sent), integer("Decided", Dashboard.AppealOutcomes::decided),
                integer("Overturned", Dashboard.AppealOutcomes::overturned),
                integer("Upheld", Dashboard.AppealOutcomes::upheld),
                percent("Overturn rate", Dashboard.AppealOutcomes::overturnRate)));
    }

}
