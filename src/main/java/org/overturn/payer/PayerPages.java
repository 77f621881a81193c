package org.overturn.payer;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.overturn.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory's pages: the list with export and import, and one payer's form. Managers and admins edit. */
@Controller
class PayerPages {

    public record PayerRow(PayerProfile profile, Instant createdAt, Instant updatedAt, String updatedBy) {
    }

    public record ListPage(CurrentUser user, List<PayerRow> payers, long needingReview, boolean reviewOnly,
                           boolean canEdit, String notice, String error, List<String> problems) {
    }

    /** One input of the form, with what was entered and what is wrong with it. */
    public record Field(String key, String label, String input, String value, String error, String hint,
                        List<String> options, boolean required, int maxLength) {
    }

    public record FormPage(CurrentUser user, boolean creating, String id, String name, List<Field> fields,
                           boolean canEdit, boolean needsReview, PayerRow saved, String message) {
    }

    public record ErrorPage(CurrentUser user, int status, String message) {
    }

    private final PayerDirectory directory;
    private final PayerEdits edits;

    PayerPages(PayerDirectory directory, PayerEdits edits) {
        this.directory = directory;
        this.edits = edits;
    }

    @GetMapping("/payers")
    String list(@RequestParam(defaultValue = "false") boolean review, Authentication authentication, Model model) {
        model.addAttribute("page", listPage(CurrentUser.of(authentication), review,
                (String) model.getAttribute("notice"), null, List.of()));
        return "payers";
    }

    @GetMapping("/payers/new")
    @PreAuthorize(PayerController.EDITORS)
    String blank(Authentication authentication, Model model) {
        model.addAttribute("page", formPage(CurrentUser.of(authentication), null, null,
                new PayerDraft(null, null, PlanType.COMMERCIAL.name(), null, null, null, null, null, null, null, null,
                        null, null, null, null), Map.of(), null));
        return "payer";
    }

    @GetMapping("/payers/{id}")
    String edit(@PathVariable String id, Authentication authentication, Model model, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        var entry = entry(id);
        if (entry == null) {
            return notFound(id, user, model, response);
        }
        model.addAttribute("page", formPage(user, id, entry, PayerDraft.of(entry.profile()), Map.of(), null));
        return "payer";
    }

    @PostMapping("/payers")
    @PreAuthorize(PayerController.EDITORS)
    String create(@RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        PayerDraft draft = draft(form);
        String id = draft.id() == null ? "" : draft.id().strip();
        if (!id.isEmpty() && directory.profile(id).isPresent()) {
            return invalid(user, null, null, draft, new InvalidPayer(Map.of(PayerField.ID.key(),
                    "a payer with this id is already on file: edit it instead")), model, response);
        }
        return save(id, draft, user, null, model, redirect, response);
    }

    @PostMapping("/payers/{id}")
    @PreAuthorize(PayerController.EDITORS)
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                  Authentication authentication, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        var entry = entry(id);
        if (entry == null) {
            return notFound(id, user, model, response);
        }
        return save(id, draft(form).withId(id), user, entry, model, redirect, response);
    }

    @PostMapping("/payers/import")
    @PreAuthorize(PayerController.EDITORS)
    String importWorkbook(@RequestParam(name = "file", required = false) MultipartFile file,
                          Authentication authentication, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", listPage(user, false, null, "Choose the workbook to import first.", List.of()));
            return "payers";
        }
        try {
            if (file.getSize() > PayerWorkbook.MAX_BYTES) {
                throw new PayerWorkbook.Refused(413, "The file is larger than 5 MB; a payer list is much smaller");
            }
            var imported = edits.importWorkbook(file.getBytes(), file.getOriginalFilename(), user.id());
            if (!imported.accepted()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                model.addAttribute("page", listPage(user, false, null,
                        "The workbook has problems; nothing was imported. Fix them and import it again.",
                        imported.problems().stream().map(PayerWorkbook.Problem::text).toList()));
                return "payers";
            }
            redirect.addFlashAttribute("notice", "Imported: " + imported.created() + " payer(s) created, "
                    + imported.updated() + " updated.");
            return "redirect:/payers";
        } catch (PayerWorkbook.Refused refused) {
            response.setStatus(refused.status());
            model.addAttribute("page", listPage(user, false, null, refused.getMessage(), List.of()));
            return "payers";
        }
    }

    private String save(String id, PayerDraft draft, CurrentUser user, PayerDirectory.Entry entry, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var saved = edits.save(id, draft, user.id());
            redirect.addFlashAttribute("notice", "Saved " + saved.after().name() + " (" + saved.after().id() + ")"
                    + (saved.created() ? ": new payer." : "."));
            return "redirect:/payers";
        } catch (InvalidPayer invalid) {
            return invalid(user, entry == null ? null : id, entry, draft, invalid, model, response);
        }
    }

    private String invalid(CurrentUser user, String id, PayerDirectory.Entry entry, PayerDraft draft,
                           InvalidPayer invalid, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("page", formPage(user, id, entry, draft, invalid.fieldErrors(),
                "Please correct the " + (invalid.fieldErrors().size() == 1 ? "field" : invalid.fieldErrors().size()
                        + " fields") + " marked below."));
        return "payer";
    }

    private String notFound(String id, CurrentUser user, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("page", new ErrorPage(user, 404, "No payer with id " + id + " is on file."));
        return "problem";
    }

    private PayerDirectory.Entry entry(String id) {
        return directory.entry(id).orElse(null);
    }

    private ListPage listPage(CurrentUser user, boolean reviewOnly, String notice, String error,
                             List<String> problems) {
        var entries = directory.entries();
        long needingReview = entries.stream().filter(e -> e.profile().needsReview()).count();
        // the ones to review first, then by name
        List<PayerRow> rows = entries.stream().filter(e -> !reviewOnly || e.profile().needsReview())
                .sorted((a, b) -> Boolean.compare(b.profile().needsReview(), a.profile().needsReview()))
                .map(PayerPages::row).toList();
        return new ListPage(user, rows, needingReview, reviewOnly, user.isManagerOrAdmin(), notice, error, problems);
    }

    private static PayerRow row(PayerDirectory.Entry entry) {
        return entry == null ? null
                : new PayerRow(entry.profile(), entry.createdAt(), entry.updatedAt(), entry.updatedBy());
    }

    private static FormPage formPage(CurrentUser user, String id, PayerDirectory.Entry entry, PayerDraft draft,
                                     Map<String, String> errors, String message) {
        List<Field> fields = new ArrayList<>();
        for (PayerField field : PayerField.values()) {
            if (field == PayerField.ID && id != null) {
                continue; // an existing payer's id is its address, shown in the heading
            }
            fields.add(new Field(field.key(), field.label(), input(field), field.valueIn(draft),
                    errors.get(field.key()), HINTS.get(field),
                    field == PayerField.PLAN_TYPE ? Arrays.stream(PlanType.values()).map(Enum::name).toList()
                            : List.of(),
                    field == PayerField.ID || field == PayerField.NAME || field == PayerField.PLAN_TYPE,
                    field.maxLength()));
        }
        String name = entry == null ? null : entry.profile().name();
        return new FormPage(user, id == null, id, name, fields, user.isManagerOrAdmin(),
                entry != null && entry.profile().needsReview(), row(entry), message);
    }

    private static String input(PayerField field) {
        return switch (field) {
            case PLAN_TYPE -> "select";
            case APPEAL_EMAIL -> "email";
            case CORRECTED_CLAIM_RULES -> "textarea";
            case PHONE -> "tel";
            default -> field.days() ? "days" : "text";
        };
    }

    private static final Map<PayerField, String> HINTS = new EnumMap<>(Map.ofEntries(
            Map.entry(PayerField.ID, "The payer's id as its 835s carry it (REF*2U), e.g. 87726."),
            Map.entry(PayerField.APPEAL_EMAIL, "Where appeal letters are sent."),
            Map.entry(PayerField.APPEAL_LIMIT_DAYS, "Days from the remittance date to file a first-level appeal. "
                    + "Blank: the plan type's default."),
            Map.entry(PayerField.SECOND_LEVEL_APPEAL_LIMIT_DAYS, "Blank: the same as the first level."),
            Map.entry(PayerField.THIRD_LEVEL_APPEAL_LIMIT_DAYS, "Blank: the same as the first level."),
            Map.entry(PayerField.TIMELY_FILING_DAYS, "Days from the date of service to file a claim. "
                    + "Blank: the plan type's default."),
            Map.entry(PayerField.CORRECTED_CLAIM_RULES, "How this payer wants corrected claims, e.g. frequency code 7 "
                    + "with the original payer claim number in REF*F8."),
            Map.entry(PayerField.STATE, "Two letters, e.g. NY."),
            Map.entry(PayerField.POSTAL_CODE, "5 or 9 digits."),
            Map.entry(PayerField.CLAIM_STATUS_DAYS, "Days after a claim was sent with no 835 before a 276 claim "
                    + "status request asks about it. Blank: the configured default (30 days).")));

    private static PayerDraft draft(MultiValueMap<String, String> form) {
        Map<PayerField, String> values = new EnumMap<>(PayerField.class);
        for (PayerField field : PayerField.values()) {
            String value = form.getFirst(field.key());
            if (value != null) {
                values.put(field, value);
            }
        }
        return PayerDraft.of(values);
    }
}
