package org.overturn.part2;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page of Part 2 programs: {@code /part2/programs}, to flag a provider's NPI or unflag it. */
@Controller
@PreAuthorize("hasRole('admin')")
class Part2ProgramPages {

    public record ProgramsPage(CurrentUser user, List<Part2Program> programs, Map<String, String> values,
                               Map<String, String> errors, String message, String notice) {
    }

    private final Part2Programs programs;

    Part2ProgramPages(Part2Programs programs) {
        this.programs = programs;
    }

    @GetMapping("/part2/programs")
    String list(Authentication authentication, Model model) {
        model.addAttribute("page", new ProgramsPage(CurrentUser.of(authentication), programs.all(), Map.of(),
                Map.of(), null, (String) model.getAttribute("notice")));
        return "part2-programs";
    }

    @PostMapping("/part2/programs")
    String flag(@RequestParam(defaultValue = "") String npi, @RequestParam(defaultValue = "") String name,
                Authentication authentication, Model model, RedirectAttributes redirect,
                HttpServletResponse response) {
        try {
            programs.flag(npi, name, authentication.getName());
        } catch (Part2Problem problem) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("page", new ProgramsPage(CurrentUser.of(authentication), programs.all(),
                    Map.of("npi", npi, "name", name), problem.fieldErrors(), problem.getMessage(), null));
            return "part2-programs";
        }
        redirect.addFlashAttribute("notice", "NPI " + npi.trim() + " is flagged as a Part 2 program; its denials "
                + "are Part 2 records.");
        return "redirect:/part2/programs";
    }

    @PostMapping("/part2/programs/{npi}/remove")
    String unflag(@PathVariable String npi, Authentication authentication, RedirectAttributes redirect) {
        try {
            programs.unflag(npi, authentication.getName());
            redirect.addFlashAttribute("notice", "NPI " + npi + " is no longer a Part 2 program. Denials already "
                    + "marked Part 2 stay so.");
        } catch (Part2Problem problem) {
            redirect.addFlashAttribute("notice", problem.getMessage());
        }
        return "redirect:/part2/programs";
    }
}
