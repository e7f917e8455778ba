package de.kiim.web.signon;

import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.Language;
import de.kiim.events.vocabulary.Vocabulary;
import de.kiim.web.api.Caller;
import de.kiim.web.api.QueryService;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user, as the services see them, into every page's model ({@code caller}, and the name of
 * their kind of agency as {@code agencyKindLabel}): the navigation and the offered steps follow from it. Asked
 * once per sign-in; a change of roles reaches the UI at the next sign-in, while the services apply it to the next
 * token already.
 */
@ControllerAdvice
class CallerAdvice {

    private static final String SESSION_KEY = Caller.class.getName();

    /** The caller as asked at a sign-in. */
    private record SignedIn(Instant at, Caller caller) {}

    private final QueryService queries;

    CallerAdvice(QueryService queries) {
        this.queries = queries;
    }

    @ModelAttribute
    void caller(@AuthenticationPrincipal OidcUser user, HttpServletRequest request, Model model) {
        if (user == null) {
            return;
        }
        var session = request.getSession();
        // Per sign-in (the ID token's issue time): a new sign-in in the same session asks again.
        Instant signedIn = user.getIssuedAt();
        Caller caller;
        if (session.getAttribute(SESSION_KEY) instanceof SignedIn known
                && java.util.Objects.equals(known.at(), signedIn)) {
            caller = known.caller();
        } else {
            caller = queries.me();
            session.setAttribute(SESSION_KEY, new SignedIn(signedIn, caller));
        }
        model.addAttribute("caller", caller);
        model.addAttribute(
                "agencyKindLabel",
                Vocabulary.byCode(AgencyKind.class, caller.agencyKind())
                        .map(kind ->
                                Language.of(LocaleContextHolder.getLocale()).pick(kind.labels()))
                        .orElse(caller.agencyKind()));
    }
}
