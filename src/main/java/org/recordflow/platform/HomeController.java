package org.recordflow.platform;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after login: where each kind of user goes next. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("user", principal.getName());
        return "home";
    }
}
