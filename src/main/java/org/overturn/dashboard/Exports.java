package org.overturn.dashboard;

import static org.overturn.dashboard.ExcelSheet.date;
import static org.overturn.dashboard.ExcelSheet.dateTime;
import static org.overturn.dashboard.ExcelSheet.integer;
import static org.overturn.dashboard.ExcelSheet.money;
import static org.overturn.dashboard.ExcelSheet.text;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.overturn.security.CurrentUser;
import org.overturn.worklist.DenialSearch;
import org.overturn.worklist.TaskFilter;
import org.overturn.worklist.TaskProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.overturn.worklist.WorkItems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Excel exports of a queue (with the queue page's filters) and of a denial search (with the denial page's
 * criteria), streamed row by row. Managers and admins only; Part 2 rows come redacted as on the pages.
 */
@Controller
class Exports {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final WorkItems work;
    private final DenialSearch denials;

    Exports(WorkItems work, DenialSearch denials) {
        this.work = work;
        this.denials = denials;
    }

    @GetMapping("/exports/queues/{queue}.xlsx")
    void queue(@PathVariable String queue, @RequestParam(required = false) String payer,
               @RequestParam(required = false) String rootCause, @RequestParam(required = false) String cpt,
               @RequestParam(required = false) String age, @RequestParam(required = false) String assignee,
               @RequestParam(required = false) String sort, @RequestParam(required = false) Long practice,
               Authentication authentication, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        TaskFilter filter = TaskFilter.of(payer, rootCause, cpt, age, assignee, sort, practice);
        work.tasksOf(queue, user, filter, 0, 1); // refuses an unknown or closed queue before anything is written
        startWorkbook(response, "overturn-queue-" + queue + ".xlsx");
        ExcelWriter.write(response.getOutputStream(), List.of(queueSheet(queue,
                sink -> work.forEachTask(queue, user, filter, sink::accept))));
    }

    @GetMapping("/exports/denials.xlsx")
    void denials(@RequestParam(required = false) String payer, @RequestParam(required = false) String rootCause,
                 @RequestParam(required = false) String queue, @RequestParam(required = false) String status,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                 Authentication authentication, HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        var criteria = DenialSearch.Criteria.of(payer, rootCause, queue, status, from, to);
        startWorkbook(response, "overturn-denials.xlsx");
        ExcelWriter.write(response.getOutputStream(), List.of(denialSheet("Denials",
                sink -> denials.forEach(criteria, user, sink::accept))));
    }

    /** An unknown queue, or one the user may not see: answered before any byte of a workbook is written. */
    @ExceptionHandler(TaskProblem.class)
    ResponseEntity<String> refused(TaskProblem problem) {
        HttpStatus status = switch (problem.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        };
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(problem.getMessage());
    }

    static ExcelSheet<WorkItems.WorkItem> queueSheet(String queue, ExcelSheet.RowSource<WorkItems.WorkItem> rows) {
        return new ExcelSheet<>("Queue " + queue, List.of(
                integer("Priority", WorkItems.WorkItem::priority),
                integer("Denial", t -> t.denial() == null ? null : t.denial().id()),
                text("Task", 26, WorkItems.WorkItem::name),
                text("Payer", 28, t -> t.denial() == null ? null : redactable(t.denial().redacted(), t.denial().payerName())),
                text("Patient control number", 20, t -> t.denial() == null ? null
                        : redactable(t.denial().redacted(), t.denial().patientControlNumber())),
                text("Root cause", 20, t -> t.denial() == null ? null : t.denial().rootCause()),
                text("CARC", 8, t -> t.denial() == null ? null : t.denial().primaryReason()),
                money("Dollars at risk", t -> t.denial() == null ? null : t.denial().amountAtRisk()),
                date("Appeal due", t -> t.denial() == null ? null : t.denial().appealDueDate()),
                integer("Days left", t -> t.denial() == null ? null : t.denial().daysToAppealDeadline()),
                dateTime("Task created", WorkItems.WorkItem::created),
                dateTime("Task due", WorkItems.WorkItem::due),
                text("Overdue", 8, t -> t.overdue() ? "yes" : "no"),
                text("Assignee", 14, WorkItems.WorkItem::assignee),
                text("Part 2", 8, t -> t.denial() != null && t.denial().part2() ? "yes" : "no")), rows);
    }

    static ExcelSheet<DenialSearch.Row> denialSheet(String name, ExcelSheet.RowSource<DenialSearch.Row> rows) {
        return new ExcelSheet<>(name, List.of(
                integer("Denial", DenialSearch.Row::id),
                date("Remittance date", DenialSearch.Row::remittanceDate),
                text("Payer", 28, r -> redactable(r.redacted(), r.payerName())),
                text("Payer id", 14, r -> redactable(r.redacted(), r.payerId())),
                text("Patient control number", 20, r -> redactable(r.redacted(), r.patientControlNumber())),
                text("Kind", 9, DenialSearch.Row::kind),
                text("Root cause", 22, DenialSearch.Row::rootCause),
                text("CARC", 8, DenialSearch.Row::primaryReason),
                text("Queue", 16, DenialSearch.Row::queue),
                text("Status", 16, DenialSearch.Row::status),
                money("Dollars at risk", DenialSearch.Row::amountAtRisk),
                money("Recovered", DenialSearch.Row::recoveredAmount),
                date("Appeal due", DenialSearch.Row::appealDueDate),
                integer("Priority", DenialSearch.Row::priority),
                text("Part 2", 8, r -> r.part2() ? "yes" : "no")), rows);
    }

    private static String redactable(boolean redacted, String value) {
        return redacted ? "restricted (42 CFR Part 2)" : value;
    }

    static void startWorkbook(HttpServletResponse response, String fileName) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", ContentDisposition.attachment().filename(fileName).build().toString());
        response.setHeader("Cache-Control", "no-store");
    }
}
