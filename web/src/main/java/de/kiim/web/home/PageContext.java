package de.kiim.web.home;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's frame needs of the request: where the language switch leads back to. */
@ControllerAdvice
class PageContext {

    /** The page itself for a GET; the start page after a form was posted, which a GET cannot repeat. */
    @ModelAttribute("pagePath")
    String pagePath(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) ? request.getRequestURI() : "/";
    }
}
