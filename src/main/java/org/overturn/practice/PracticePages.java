package org.overturn.practice;

import java.util.List;
import org.overturn.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admins' page of practices ({@code /practices}): confirm a pending one, say who works which. */
@Controller
@PreAuthorize("hasRole('admin')")
class PracticePages {

    public record PracticesPage(CurrentUser user, List<Practice> practices, List<PracticeAssignment> assignments,
                                String notice) {
    }

    private final Practices practices;

    PracticePages(Practices practices) {
        this.practices = practices;
    }

    @GetMapping("/practices")
    String list(Authentication authentication, Model model) {
        model.addAttribute("page", new PracticesPage(CurrentUser.of(authentication), practices.list(),
                practices.assignments(), (String) model.getAttribute("notice")));
        return "practices";
    }

    @PostMapping("/practices/{id}/confirm")
    String confirm(@PathVariable long id, Authentication authentication, RedirectAttributes redirect) {
        Practice confirmed = practices.confirm(id, authentication.getName());
        redirect.addFlashAttribute("notice", confirmed.name() + " is confirmed.");
        return "redirect:/practices";
    }

    @PostMapping("/practices/assignments")
    String assign(@RequestParam String userId, @RequestParam(defaultValue = "false") boolean everyPractice,
                  @RequestParam(name = "practiceId", required = false) List<Long> practiceIds,
                  RedirectAttributes redirect) {
        practices.assign(new PracticeAssignment(userId.trim(), everyPractice, practiceIds));
        redirect.addFlashAttribute("notice", "The practices of " + userId.trim() + " are saved.");
        return "redirect:/practices";
    }
}
