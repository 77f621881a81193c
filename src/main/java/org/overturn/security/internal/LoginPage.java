package org.overturn.security.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page; Spring Security handles the POST to {@code /login}. */
@Controller
class LoginPage {

    /** What the sign-in page shows: a failed attempt, or a confirmation after signing out. */
    public record LoginModel(boolean failed, boolean signedOut) {
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 Model model) {
        model.addAttribute("page", new LoginModel(error != null, logout != null));
        return "login";
    }
}
