package org.overturn.remittance;

import org.overturn.security.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One stored remittance as a page: its payment and every claim it carried, with what each claim is (paid, denied,
 * a capitated service or a predetermination counted apart from denials). The same roles and Part 2 rule as
 * {@code GET /api/remittances/{id}}, whose answer it shows.
 */
@Controller
@PreAuthorize("hasAnyRole('biller', 'manager', 'admin')")
class RemittancePages {

    /** The page's model: the remittance as the API answers it, for the signed-in user. */
    public record RemittancePage(CurrentUser user, RemittanceController.RemittanceDetail remittance) {
    }

    private final RemittanceController remittances;

    RemittancePages(RemittanceController remittances) {
        this.remittances = remittances;
    }

    @GetMapping("/remittances/{id}")
    @Transactional(readOnly = true)
    String one(@PathVariable long id, Authentication authentication, Model model) {
        model.addAttribute("page", new RemittancePage(CurrentUser.of(authentication),
                remittances.one(id, authentication)));
        return "remittance";
    }
}
