package org.overturn.parity;

import java.time.LocalDate;
import org.overturn.security.AccessRefused;
import org.overturn.security.CurrentUser;
import org.overturn.security.DenialAccess;
import org.overturn.security.Roles;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

/** The parity specialists' page: every case with where it stands, and the counts managers see too. */
@Controller
class ParityPages {

    public record Page(CurrentUser user, java.util.List<ParityCases.ParityCase> cases, ParityKpis.Figures figures,
                       java.util.List<ParityKpis.Outcome> outcomes) {
    }

    private final ParityCases cases;
    private final ParityKpis kpis;

    private final DenialAccess access;

    private final org.overturn.security.PracticeAccess practiceAccess;

    ParityPages(ParityCases cases, ParityKpis kpis, DenialAccess access,
                org.overturn.security.PracticeAccess practiceAccess) {
        this.practiceAccess = practiceAccess;
        this.access = access;
        this.cases = cases;
        this.kpis = kpis;
    }

    @GetMapping("/parity")
    String parity(@RequestParam(defaultValue = "true") boolean open, Authentication authentication, Model model) {
        CurrentUser user = allowed(authentication);
        var practices = practiceAccess.limitOf(user);
        model.addAttribute("page", new Page(user, cases.list(user, access, open, 500),
                kpis.figures(LocalDate.of(2000, 1, 1), LocalDate.now().plusDays(1), null, practices),
                kpis.outcomes(null, practices)));
        return "parity";
    }

    @PostMapping("/denials/{id}/parity/analysis-received")
    String analysisReceived(@PathVariable long id, @RequestParam(defaultValue = "") String summary,
                            Authentication authentication, RedirectAttributes redirect) {
        CurrentUser user = allowed(authentication);
        access.requireFull(user, id);
        if (summary.isBlank() || summary.length() > 2000) {
            redirect.addFlashAttribute("notice", "Say what the plan sent (at most 2,000 characters).");
        } else {
            var denial = cases.caseOf(id);
            if (denial.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No parity case for denial " + id);
            }
            try {
                cases.analysisReceived(id, summary.strip());
                redirect.addFlashAttribute("notice", "The plan's answer is recorded: assess it in the parity queue.");
            } catch (IllegalStateException e) {
                redirect.addFlashAttribute("notice", e.getMessage() + ".");
            }
        }
        return "redirect:/denials/" + id + "#parity";
    }

    private static CurrentUser allowed(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.hasRole(Roles.PARITY_SPECIALIST) && !user.isManagerOrAdmin()) {
            throw new AccessRefused("parity", null, "Parity specialists, managers and admins only");
        }
        return user;
    }
}
