package org.overturn.authorization;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.overturn.security.CurrentUser;
import org.springframework.http.HttpStatus;
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

/**
 * The register's pages: the list with use (used / approved / left), search and import, and one authorization's
 * form to add or edit it.
 */
@Controller
class AuthorizationPages {

    static final int LIST_LIMIT = 500;

    public record ListPage(CurrentUser user, String query, List<Authorization> authorizations, boolean limited,
                           List<AuthorizationRegister.RunningOut> runningOut, String notice, String error,
                           List<String> problems, List<org.overturn.practice.PracticeRef> practices) {
    }

    /** One input of the form, with what was entered and what is wrong with it. */
    public record Field(String key, String label, String input, String value, String error, String hint,
                        List<String> options, boolean required, int maxLength) {
    }

    public record FormPage(CurrentUser user, boolean creating, Long id, List<Field> fields, Authorization saved,
                           String message, List<org.overturn.practice.PracticeRef> practices) {
    }

    public record ErrorPage(CurrentUser user, int status, String message) {
    }

    private final AuthorizationRegister register;
    private final AuthorizationWatchProperties watch;

    AuthorizationPages(AuthorizationRegister register, AuthorizationWatchProperties watch) {
        this.register = register;
        this.watch = watch;
    }

    @GetMapping("/authorizations")
    String list(@RequestParam(name = "q", required = false) String query, Authentication authentication,
                Model model) {
        model.addAttribute("page", listPage(CurrentUser.of(authentication), query,
                (String) model.getAttribute("notice"), null, List.of()));
        return "authorizations";
    }

    @GetMapping("/authorizations/new")
    String blank(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.of(authentication);
        AuthorizationRegister.requireKeeper(user);
        model.addAttribute("page", formPage(user, null, null, new AuthorizationDraft(null, null, null, null, null,
                null, List.of(), UnitType.UNITS.name(), null, null, null, null, null, null,
                AuthorizationStatus.APPROVED.name()), Map.of(), null));
        return "authorization";
    }

    @GetMapping("/authorizations/{id}")
    String edit(@PathVariable long id, Authentication authentication, Model model, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        var found = register.find(id, user);
        if (found.isEmpty()) {
            return notFound(id, user, model, response);
        }
        model.addAttribute("page", formPage(user, id, found.get(), draftOf(found.get()), Map.of(), null));
        register.sourceNote(id, user).ifPresent(note -> model.addAttribute("sourceNote", note));
        return "authorization";
    }

    @PostMapping("/authorizations")
    String create(@RequestParam MultiValueMap<String, String> form, Authentication authentication, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        AuthorizationDraft draft = draft(form);
        try {
            String practice = form.getFirst("practiceId");
            Authorization saved = register.create(draft, practice == null || practice.isBlank() ? null
                    : Long.valueOf(practice.strip()), AuthorizationSource.PAGE, user);
            redirect.addFlashAttribute("notice", "Added authorization " + saved.number() + " for member "
                    + saved.memberId() + ".");
            return "redirect:/authorizations?q=" + java.net.URLEncoder.encode(saved.memberId(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (InvalidAuthorization invalid) {
            return invalid(user, null, null, draft, invalid, model, response);
        }
    }

    @PostMapping("/authorizations/{id}")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form,
                  Authentication authentication, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        CurrentUser user = CurrentUser.of(authentication);
        var found = register.find(id, user);
        if (found.isEmpty()) {
            return notFound(id, user, model, response);
        }
        AuthorizationDraft draft = draft(form);
        try {
            Authorization saved = register.update(id, draft, AuthorizationSource.PAGE, user);
            redirect.addFlashAttribute("notice", "Saved authorization " + saved.number() + ".");
            return "redirect:/authorizations/" + id;
        } catch (InvalidAuthorization invalid) {
            return invalid(user, id, found.get(), draft, invalid, model, response);
        }
    }

    @PostMapping("/authorizations/import")
    String importFile(@RequestParam(name = "file", required = false) MultipartFile file,
                      @RequestParam(name = "practiceId", required = false) Long practiceId,
                      Authentication authentication, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) throws IOException {
        CurrentUser user = CurrentUser.of(authentication);
        AuthorizationRegister.requireKeeper(user);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("page", listPage(user, null, null, "Choose the file to import first.", List.of()));
            return "authorizations";
        }
        try {
            var read = AuthorizationImport.read(file.getOriginalFilename(), file.getBytes());
            if (!read.problems().isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
                model.addAttribute("page", listPage(user, null, null,
                        "The file has problems; nothing was imported. Fix them and import it again.",
                        read.problems().stream().map(AuthorizationImport.Problem::text).toList()));
                return "authorizations";
            }
            var imported = register.importAll(read.terms(), practiceId, user);
            redirect.addFlashAttribute("notice", "Imported: " + imported.created() + " authorization(s) added, "
                    + imported.updated() + " updated.");
            return "redirect:/authorizations";
        } catch (InvalidAuthorization invalid) {
            // a row whose practice cannot be told (a member of no claim, a user of several practices): nothing is
            // imported, the user chooses the practice
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("page", listPage(user, null, null, "Nothing was imported: "
                    + String.join("; ", invalid.fieldErrors().values()) + ".", List.of()));
            return "authorizations";
        } catch (AuthorizationImport.Refused refused) {
            response.setStatus(refused.status());
            model.addAttribute("page", listPage(user, null, null, refused.getMessage(), List.of()));
            return "authorizations";
        }
    }

    private ListPage listPage(CurrentUser user, String query, String notice, String error, List<String> problems) {
        List<Authorization> found = register.search(query, user, LIST_LIMIT + 1);
        boolean limited = found.size() > LIST_LIMIT;
        return new ListPage(user, query, limited ? found.subList(0, LIST_LIMIT) : found, limited,
                register.runningOut(user, watch), notice, error, problems, register.practicesFor(user));
    }

    private String invalid(CurrentUser user, Long id, Authorization saved, AuthorizationDraft draft,
                           InvalidAuthorization invalid, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        int n = invalid.fieldErrors().size();
        model.addAttribute("page", formPage(user, id, saved, draft, invalid.fieldErrors(),
                "Please correct the " + (n == 1 ? "field" : n + " fields") + " marked below."));
        return "authorization";
    }

    private String notFound(long id, CurrentUser user, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("page", new ErrorPage(user, 404, "No authorization " + id + " is on file."));
        return "problem";
    }

    private FormPage formPage(CurrentUser user, Long id, Authorization saved, AuthorizationDraft draft,
                                     Map<String, String> errors, String message) {
        List<Field> fields = new ArrayList<>();
        for (AuthorizationField field : AuthorizationField.values()) {
            List<String> options = switch (field) {
                case LEVEL_OF_CARE -> AuthorizationRules.names(LevelOfCare.class);
                case UNIT_TYPE -> AuthorizationRules.names(UnitType.class);
                case STATUS -> AuthorizationRules.names(AuthorizationStatus.class);
                default -> List.of();
            };
            String input = !options.isEmpty() ? "select"
                    : field == AuthorizationField.FROM || field == AuthorizationField.TO
                    || field == AuthorizationField.NEXT_REVIEW_ON ? "date" : "text";
            fields.add(new Field(field.key(), field.label(), input, field.valueIn(draft), errors.get(field.key()),
                    HINTS.get(field), options, REQUIRED.contains(field), field.maxLength()));
        }
        return new FormPage(user, id == null, id, fields, saved, message,
                id == null ? register.practicesFor(user) : List.of());
    }

    private static final List<AuthorizationField> REQUIRED = List.of(AuthorizationField.PAYER_ID,
            AuthorizationField.MEMBER_ID, AuthorizationField.NUMBER, AuthorizationField.UNITS_APPROVED,
            AuthorizationField.FROM, AuthorizationField.TO);

    private static final Map<AuthorizationField, String> HINTS = new EnumMap<>(Map.of(
            AuthorizationField.PAYER_ID, "The payer's id as its 835s carry it (the payer directory's id).",
            AuthorizationField.MEMBER_ID, "As on the member's card and the claims.",
            AuthorizationField.PROCEDURES, "CPT/HCPCS or revenue codes, separated by commas. Blank: every service "
                    + "of the level of care.",
            AuthorizationField.UNIT_TYPE, "Visits count dates of service; units and days count the units billed.",
            AuthorizationField.RENDERING_NPI, "Only when the authorization names the provider.",
            AuthorizationField.FACILITY_NPI, "Only when the authorization names the facility.",
            AuthorizationField.NEXT_REVIEW_ON, "The next concurrent review, if any."));

    private static AuthorizationDraft draftOf(Authorization a) {
        return new AuthorizationDraft(a.payerId(), a.payerName(), a.memberId(), a.patientName(), a.number(),
                a.levelOfCare().name(), a.procedures(), a.unitType().name(), a.unitsApproved().toPlainString(),
                a.from().toString(), a.to().toString(), a.renderingNpi(), a.facilityNpi(),
                a.nextReviewOn() == null ? null : a.nextReviewOn().toString(), a.status().name());
    }

    private static AuthorizationDraft draft(MultiValueMap<String, String> form) {
        Map<AuthorizationField, String> values = new EnumMap<>(AuthorizationField.class);
        for (AuthorizationField field : AuthorizationField.values()) {
            String value = form.getFirst(field.key());
            if (value != null) {
                values.put(field, value);
            }
        }
        return AuthorizationField.draftOf(values);
    }
}
