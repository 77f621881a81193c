package org.overturn.practice;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.overturn.part2.Part2Problem;
import org.overturn.part2.Part2Program;
import org.overturn.part2.Part2Programs;
import org.overturn.payer.ContractedRate;
import org.overturn.payer.InvalidTerms;
import org.overturn.payer.PayerDirectory;
import org.overturn.payer.PayerProfile;
import org.overturn.payer.PracticeContracts;
import org.overturn.payer.PracticePayerTerms;
import org.overturn.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One practice's page for admins ({@code /practices/{id}}): its own terms with payers (appeal window, timely-filing
 * limit), its contracted rates (add, change, remove, or import a CSV) and its Part 2 programs. Each change is a form
 * post that comes back to the page with what happened, or with every problem found and nothing changed.
 */
@Controller
@PreAuthorize("hasRole('admin')")
class PracticeTermsPages {

    public record PracticePage(CurrentUser user, Practice practice, List<PracticePayerTerms> terms,
                               List<PracticeContracts.PayerRate> rates, List<PayerProfile> payers,
                               List<Part2Program> programs, String csvHeader, String notice, String error) {
    }

    private final Practices practices;
    private final PracticeContracts contracts;
    private final PayerDirectory payers;
    private final Part2Programs programs;

    PracticeTermsPages(Practices practices, PracticeContracts contracts, PayerDirectory payers,
                       Part2Programs programs) {
        this.practices = practices;
        this.contracts = contracts;
        this.payers = payers;
        this.programs = programs;
    }

    @GetMapping("/practices/{id}")
    String one(@PathVariable long id, Authentication authentication, Model model) {
        Practice practice = practice(id);
        model.addAttribute("page", new PracticePage(CurrentUser.of(authentication), practice,
                contracts.ofPractice(id), contracts.ratesOf(id), payers.all(), programs.ofPractice(id),
                "payerId,procedureCode,modifier,effectiveFrom,allowedAmount", (String) model.getAttribute("notice"),
                (String) model.getAttribute("error")));
        return "practice";
    }

    @PostMapping("/practices/{id}/payer-terms")
    String limits(@PathVariable long id, @RequestParam(defaultValue = "") String payerId,
                  @RequestParam(defaultValue = "") String appealLimitDays,
                  @RequestParam(defaultValue = "") String timelyFilingDays, Authentication authentication,
                  RedirectAttributes redirect) {
        practice(id);
        return change(id, redirect, () -> {
            contracts.setLimits(id, payerId, days("appealLimitDays", appealLimitDays),
                    days("timelyFilingDays", timelyFilingDays), authentication.getName());
            return "The terms with " + payerId + " are saved.";
        });
    }

    @PostMapping("/practices/{id}/rates")
    String rate(@PathVariable long id, @RequestParam(defaultValue = "") String payerId,
                @RequestParam(defaultValue = "") String procedureCode, @RequestParam(defaultValue = "") String modifier,
                @RequestParam(defaultValue = "") String effectiveFrom,
                @RequestParam(defaultValue = "") String allowedAmount, Authentication authentication,
                RedirectAttributes redirect) {
        practice(id);
        return change(id, redirect, () -> {
            ContractedRate rate = new ContractedRate(procedureCode, amount(allowedAmount), date(effectiveFrom),
                    modifier);
            contracts.putRate(id, payerId, rate, authentication.getName());
            return "The rate for " + procedureCode.strip().toUpperCase()
                    + (rate.modifier() == null ? "" : "-" + rate.modifier()) + " with " + payerId + " is saved.";
        });
    }

    @PostMapping("/practices/{id}/rates/remove")
    String removeRate(@PathVariable long id, @RequestParam String payerId, @RequestParam String procedureCode,
                      @RequestParam(defaultValue = "") String modifier, @RequestParam String effectiveFrom,
                      Authentication authentication, RedirectAttributes redirect) {
        practice(id);
        return change(id, redirect, () -> contracts.removeRate(id, payerId, new ContractedRate(procedureCode, null,
                date(effectiveFrom), modifier), authentication.getName())
                ? "The rate for " + procedureCode + " with " + payerId + " from " + effectiveFrom + " is removed."
                : "That rate was already gone.");
    }

    @PostMapping("/practices/{id}/rates/import")
    String importRates(@PathVariable long id, @RequestParam("file") MultipartFile file,
                       Authentication authentication, RedirectAttributes redirect) throws IOException {
        practice(id);
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        return change(id, redirect, () -> {
            int rows = contracts.importRates(id, csv, authentication.getName());
            return rows + " rate" + (rows == 1 ? "" : "s") + " imported.";
        });
    }

    @PostMapping("/practices/{id}/part2-programs")
    String flag(@PathVariable long id, @RequestParam(defaultValue = "") String npi,
                @RequestParam(defaultValue = "") String name, Authentication authentication,
                RedirectAttributes redirect) {
        practice(id);
        return change(id, redirect, () -> {
            programs.flag(npi, name, id, authentication.getName());
            return "NPI " + npi.strip() + " is a Part 2 program of this practice; its records are Part 2 records.";
        });
    }

    @PostMapping("/practices/{id}/part2-programs/{npi}/remove")
    String unflag(@PathVariable long id, @PathVariable String npi, Authentication authentication,
                  RedirectAttributes redirect) {
        practice(id);
        return change(id, redirect, () -> {
            programs.unflag(npi, authentication.getName());
            return "NPI " + npi + " is no longer a Part 2 program; records already marked stay Part 2.";
        });
    }

    private Practice practice(long id) {
        return practices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No practice with id " + id));
    }

    private interface Change {
        String apply();
    }

    /** Runs the change and comes back to the page with its notice, or with the problems it met (nothing changed). */
    private static String change(long id, RedirectAttributes redirect, Change change) {
        try {
            redirect.addFlashAttribute("notice", change.apply());
        } catch (InvalidTerms invalid) {
            redirect.addFlashAttribute("error", "Nothing was saved: " + invalid.getMessage());
        } catch (Part2Problem problem) {
            redirect.addFlashAttribute("error", "Nothing was saved: " + problem.getMessage()
                    + (problem.fieldErrors().isEmpty() ? "" : " (" + String.join("; ",
                    problem.fieldErrors().values()) + ")"));
        }
        return "redirect:/practices/" + id;
    }

    private static Integer days(String field, String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidTerms(Map.of(field, "Enter a number of days, or leave it empty for the directory's"));
        }
    }

    private static BigDecimal amount(String text) {
        try {
            return new BigDecimal(text.strip().replace("$", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidTerms(Map.of("allowedAmount", "Enter the allowed amount in dollars"));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidTerms(Map.of("effectiveFrom", "Enter the date the rate applies from"));
        }
    }
}
