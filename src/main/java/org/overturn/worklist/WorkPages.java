package org.overturn.worklist;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.overturn.denial.DenialStatus;
import org.overturn.denial.RootCause;
import org.overturn.denial.WorkQueue;
import org.overturn.practice.PracticeRef;
import org.overturn.practice.Practices;
import org.overturn.security.AuditAction;
import org.overturn.security.AuditTrail;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Billers' pages: my queues, a queue's tasks, one denial with its task form, denial search. */
@Controller
class WorkPages {

    static final int PAGE_SIZE = 25;
    static final List<String> AGES = List.of("0-30", "31-60", "61-90", "91-120", "121+");

    public record HomePage(CurrentUser user, List<WorkItems.QueueSummary> mine, List<WorkItems.QueueSummary> others,
                    String notice) {
    }

    public record QueuePage(CurrentUser user, String queue, TaskFilter filter, WorkItems.QueueFacets facets,
                     List<String> ages, WorkItems.ItemPage tasks, boolean canWork, boolean canExport,
                     String query, String previous, String next, String notice, List<PracticeRef> practices) {
    }

    public record TaskPanel(WorkItems.WorkItem item, List<TaskForms.Field> fields, boolean canWork, boolean mine) {
    }

    public record FormState(Map<String, String> values, Map<String, String> errors, String message) {
        static final FormState EMPTY = new FormState(Map.of(), Map.of(), null);
    }

    /**
     * {@code appeal}: where the denial stands on its regime's ladder; {@code correctedClaimFiling}: by when a
     * corrected claim must reach the payer; each null when it does not apply or the record is redacted.
     */
    public record DenialPage(CurrentUser user, DenialRecords.DenialRecord denial, TaskPanel task, FormState form,
                      FormState note, String notice, org.overturn.denial.AppealStep appeal,
                      org.overturn.denial.CorrectedClaimFiling correctedClaimFiling, String closingReason,
                      org.overturn.denial.HoldHarmless.Override patientBillingOverride, List<String> appealRoutes) {
    }

    public record DenialSearchPage(CurrentUser user, DenialSearch.Criteria criteria, List<String> rootCauses,
                            List<String> statuses, List<String> queues, DenialSearch.Found found, String query,
                            String previous, String next, boolean canExport) {
    }

    public record ErrorPage(CurrentUser user, int status, String message) {
    }

    private final WorkItems work;
    private final TaskWork taskWork;
    private final TaskForms forms;
    private final DenialRecords records;
    private final DenialNotes notes;
    private final DenialSearch search;
    private final org.overturn.letters.LetterAttachments attachments;
    private final DenialAccess access;
    private final AuditTrail audit;
    private final org.overturn.denial.AppealDeadlines deadlines;
    private final org.overturn.denial.CorrectedClaimLimits correctedClaims;
    private final org.overturn.denial.Denials denials;
    private final org.overturn.denial.HoldHarmless holdHarmless;
    private final Practices practices;

    WorkPages(WorkItems work, TaskWork taskWork, TaskForms forms, DenialRecords records, DenialNotes notes, DenialSearch search,
              org.overturn.letters.LetterAttachments attachments, DenialAccess access, AuditTrail audit,
              org.overturn.denial.AppealDeadlines deadlines, org.overturn.denial.CorrectedClaimLimits correctedClaims,
              org.overturn.denial.Denials denials, org.overturn.denial.HoldHarmless holdHarmless,
              Practices practices) {
        this.denials = denials;
        this.holdHarmless = holdHarmless;
        this.practices = practices;
        this.deadlines = deadlines;
        this.correctedClaims = correctedClaims;
        this.access = access;
        this.audit = audit;
        this.attachments = attachments;
        this.work = work;
        this.taskWork = taskWork;
        this.forms = forms;
        this.records = records;
        this.notes = notes;
        this.search = search;
    }

    @GetMapping("/")
    String home(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        var queues = work.queues(user);
        model.addAttribute("page", new HomePage(user, queues.stream().filter(WorkItems.QueueSummary::member).toList(),
                queues.stream().filter(q -> !q.member()).toList(), (String) model.getAttribute("notice")));
        return "home";
    }

    @GetMapping("/queues/{queue}")
    String queue(@PathVariable String queue, @RequestParam(required = false) String payer,
                 @RequestParam(required = false) String rootCause, @RequestParam(required = false) String cpt,
                 @RequestParam(required = false) String age, @RequestParam(required = false) String assignee,
                 @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int page,
                 @RequestParam(required = false) Long practice, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        TaskFilter filter = TaskFilter.of(payer, rootCause, cpt, age, assignee, sort, practice);
        var tasks = work.tasksOf(queue, user, filter, Math.max(page, 0), PAGE_SIZE);
        var query = UriComponentsBuilder.newInstance().queryParamIfPresent("payer", opt(filter.payer()))
                .queryParamIfPresent("rootCause", opt(filter.rootCause())).queryParamIfPresent("cpt", opt(filter.cpt()))
                .queryParamIfPresent("age", opt(filter.age())).queryParamIfPresent("assignee", opt(filter.assignee()))
                .queryParamIfPresent("practice", java.util.Optional.ofNullable(filter.practice()))
                .queryParam("sort", filter.sort().name().toLowerCase(java.util.Locale.ROOT));
        String base = "/queues/" + queue + query.build().encode().toUriString();
        String previous = tasks.page() > 0 ? base + "&page=" + (tasks.page() - 1) : null;
        String next = (long) (tasks.page() + 1) * PAGE_SIZE < tasks.total() ? base + "&page=" + (tasks.page() + 1)
                : null;
        model.addAttribute("page", new QueuePage(user, queue, filter, work.facetsOf(queue, user), AGES, tasks,
                user.canWork(queue), user.isManagerOrAdmin(), query.build().encode().getQuery(), previous, next,
                (String) model.getAttribute("notice"),
                practices.of(user).stream().map(org.overturn.practice.Practice::ref).toList()));
        return "queue";
    }

    @PostMapping("/queues/{queue}/claim")
    String claimMany(@PathVariable String queue, @RequestParam(name = "taskId", required = false) List<String> taskIds,
                     @RequestParam(required = false) String back, Authentication authentication,
                     RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.of(authentication);
        if (taskIds == null || taskIds.isEmpty()) {
            redirect.addFlashAttribute("notice", "Select the tasks to claim first.");
        } else {
            var result = taskWork.claimAll(taskIds, user);
            redirect.addFlashAttribute("notice", "Claimed " + result.claimed() + " task(s)"
                    + (result.refused().isEmpty() ? "." : "; not claimed: " + String.join("; ",
                    result.refused().values().stream().distinct().toList()) + "."));
        }
        return "redirect:" + safeBack(back, "/queues/" + queue);
    }

    @PostMapping("/tasks/{id}/claim")
    String claim(@PathVariable String id, @RequestParam(required = false) String back, Authentication authentication,
                 RedirectAttributes redirect) {
        taskWork.claim(id, CurrentUser.of(authentication));
        redirect.addFlashAttribute("notice", "The task is yours.");
        return "redirect:" + safeBack(back, "/");
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(@PathVariable String id, @RequestParam(required = false) String back,
                   Authentication authentication, RedirectAttributes redirect) {
        taskWork.unclaim(id, CurrentUser.of(authentication));
        redirect.addFlashAttribute("notice", "The task is back in its queue.");
        return "redirect:" + safeBack(back, "/");
    }

    @GetMapping("/denials/{id}")
    String denial(@PathVariable long id, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        model.addAttribute("page", denialPage(id, user, null, FormState.EMPTY, FormState.EMPTY,
                (String) model.getAttribute("notice")));
        return "denial";
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> submitted,
                    Authentication authentication, Model model, RedirectAttributes redirect,
                    HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        WorkItems.WorkItem item = work.task(id, user);
        Map<String, Object> values = new LinkedHashMap<>();
        submitted.forEach((name, list) -> {
            if (!name.equals("_csrf") && !list.isEmpty()) {
                values.put(name, list.get(0));
            }
        });
        try {
            taskWork.complete(id, values, user);
        } catch (TaskProblem problem) {
            if (problem.kind() != TaskProblem.Kind.INVALID || item.denial() == null) {
                throw problem;
            }
            Map<String, String> entered = new LinkedHashMap<>();
            values.forEach((k, v) -> entered.put(k, v.toString()));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("page", denialPage(item.denial().id(), user, id,
                    new FormState(entered, problem.fieldErrors(), problem.getMessage()), FormState.EMPTY, null));
            return "denial";
        }
        redirect.addFlashAttribute("notice", "Done: " + item.name()
                + (item.denial() == null ? "" : " for denial #" + item.denial().id()) + ".");
        return "redirect:/queues/" + item.queue();
    }

    /** The denial page's "Appeal route" form: the same step as {@code POST /api/denials/{id}/appeal-route}. */
    @PostMapping("/denials/{id}/appeal-route")
    String routeAppeal(@PathVariable long id, @RequestParam(required = false) String regime,
                       Authentication authentication, RedirectAttributes redirect) {
        org.overturn.regime.AppealRegime chosen = null;
        try {
            chosen = regime == null || regime.isBlank() ? null : org.overturn.regime.AppealRegime.valueOf(regime);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("notice", "Not routed: no appeal route " + regime + ".");
            return "redirect:/denials/" + id;
        }
        try {
            var step = taskWork.routeAppeal(id, chosen, CurrentUser.of(authentication));
            redirect.addFlashAttribute("notice", "Appeal route: " + step.levelName() + ", due "
                    + (step.dueOn() == null ? "when the clock starts" : step.dueOn()) + ".");
        } catch (TaskProblem problem) {
            if (problem.kind() == TaskProblem.Kind.FORBIDDEN || problem.kind() == TaskProblem.Kind.NOT_FOUND) {
                throw problem;
            }
            redirect.addFlashAttribute("notice", "Not routed: " + String.join("; ",
                    problem.fieldErrors().isEmpty() ? List.of(problem.getMessage()) : problem.fieldErrors().values())
                    + ".");
        }
        return "redirect:/denials/" + id;
    }

    @PostMapping("/denials/{id}/notes")
    String addNote(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication authentication,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireFull(user, id);
        try {
            notes.add(id, user.id(), note);
        } catch (TaskProblem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("page", denialPage(id, user, null, FormState.EMPTY,
                    new FormState(Map.of("note", note), problem.fieldErrors(), problem.getMessage()), null));
            return "denial";
        }
        redirect.addFlashAttribute("notice", "Note added.");
        return "redirect:/denials/" + id + "#notes";
    }

    @PostMapping("/denials/{id}/attachments")
    String attach(@PathVariable long id, @RequestParam(name = "file", required = false)
                  org.springframework.web.multipart.MultipartFile file, Authentication authentication,
                  RedirectAttributes redirect) throws java.io.IOException {
        CurrentUser user = CurrentUser.of(authentication);
        access.requireFull(user, id);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("notice", "Choose a file to attach first.");
        } else {
            try {
                var added = attachments.add(id, file.getOriginalFilename(), file.getBytes(), user.id());
                redirect.addFlashAttribute("notice", "Attached " + added.fileName() + ".");
            } catch (org.overturn.letters.LetterAttachments.RejectedAttachment e) {
                redirect.addFlashAttribute("notice", "Not attached: " + e.getMessage() + ".");
            }
        }
        return "redirect:/denials/" + id + "#letters";
    }

    @GetMapping("/denials")
    String denials(@RequestParam(required = false) String payer, @RequestParam(required = false) String rootCause,
                   @RequestParam(required = false) String queue, @RequestParam(required = false) String status,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        var criteria = DenialSearch.Criteria.of(payer, rootCause, queue, status, from, to);
        var found = search.page(criteria, user, Math.max(page, 0), PAGE_SIZE);
        String query = UriComponentsBuilder.newInstance().queryParamIfPresent("payer", opt(criteria.payer()))
                .queryParamIfPresent("rootCause", opt(criteria.rootCause()))
                .queryParamIfPresent("queue", opt(criteria.queue()))
                .queryParamIfPresent("status", opt(criteria.status()))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(criteria.from()))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(criteria.to()))
                .build().encode().getQuery();
        String base = "/denials?" + (query == null ? "" : query + "&");
        model.addAttribute("page", new DenialSearchPage(user, criteria,
                Arrays.stream(RootCause.values()).map(Enum::name).toList(),
                Arrays.stream(DenialStatus.values()).map(Enum::name).toList(), WorkQueue.ALL, found,
                query == null ? "" : query, found.page() > 0 ? base + "page=" + (found.page() - 1) : null,
                (long) (found.page() + 1) * PAGE_SIZE < found.total() ? base + "page=" + (found.page() + 1) : null,
                user.isManagerOrAdmin()));
        return "denials";
    }

    @ExceptionHandler(TaskProblem.class)
    String problem(TaskProblem problem, jakarta.servlet.http.HttpServletRequest request, Authentication authentication, Model model, HttpServletResponse response) {
        if (problem.kind() == TaskProblem.Kind.FORBIDDEN) {
            audit.record(AuditAction.ACCESS_REFUSED, "task", null,
                    request.getMethod() + " " + request.getRequestURI() + ": " + problem.getMessage());
        }
        HttpStatus status = switch (problem.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        response.setStatus(status.value());
        model.addAttribute("page", new ErrorPage(CurrentUser.of(authentication), status.value(), problem.getMessage()));
        return "problem";
    }

    private DenialPage denialPage(long id, CurrentUser user, String taskId, FormState form, FormState note,
                                  String notice) {
        var denial = records.of(id, user);
        TaskPanel panel = null;
        if (!denial.redacted()) {
            // the task asked for; else the first this user can work (a parity specialist's, beside the appeal's)
            var candidates = denial.tasks().stream().filter(t -> taskId == null || t.taskId().equals(taskId)).toList();
            var item = candidates.stream().filter(t -> taskWork.canWork(t.taskId(), user)).findFirst()
                    .or(() -> candidates.stream().findFirst());
            if (item.isPresent()) {
                var task = item.get();
                boolean canWork = taskWork.canWork(task.taskId(), user);
                panel = new TaskPanel(task, forms.fieldsOf(task.taskId()), canWork,
                        user.id().equals(task.assignee()));
            }
        }
        var appeal = denial.redacted() ? null : deadlines.describe(id).orElse(null);
        // another route only before the first appeal goes out, by the appeals queue (as the API allows)
        List<String> routes = appeal != null && denial.appealLevel() == 0 && "OPEN".equals(denial.status())
                && user.canWork(org.overturn.denial.WorkQueue.APPEALS)
                ? java.util.Arrays.stream(org.overturn.regime.AppealRegime.values()).map(Enum::name).toList() : null;
        return new DenialPage(user, denial, panel, form, note, notice, appeal,
                denial.redacted() ? null : correctedClaims.ofCorrectable(id).orElse(null),
                denial.redacted() ? null : denials.closingReason(id).orElse(null),
                denial.redacted() ? null : holdHarmless.overrideOf(id).orElse(null), routes);
    }

    private static java.util.Optional<String> opt(String value) {
        return java.util.Optional.ofNullable(value);
    }

    /** Only a path on this site: never an absolute or protocol-relative URL someone slipped in. */
    static String safeBack(String back, String fallback) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return fallback;
        }
        return back;
    }
}
