package de.kiim.query.personcard;

import de.kiim.events.vocabulary.Language;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.RuleViolation;
import de.kiim.query.accesslog.AccessPurpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Person card", description = "A person's current base data and situation")
class PersonCardController {

    private final CardReads cards;

    PersonCardController(CardReads cards) {
        this.cards = cards;
    }

    @GetMapping
    @Operation(
            summary = "Read a person's card",
            description = "The fields the caller's agency may read; 404 for a person it does not see. The ETag "
                    + "is the person's version: send it as If-Match with a command to make sure nothing changed "
                    + "since this read. Labels in German or English by Accept-Language.")
    ResponseEntity<PersonCard> card(
            @PathVariable UUID personId,
            Locale locale,
            @AuthenticationPrincipal KiimUser user,
            @RequestParam(required = false) AccessPurpose purpose) {
        PersonCard card = cards.card(user, personId, purpose, Language.of(locale))
                .orElseThrow(() -> RuleViolation.notFound("person.unknown", "No such person."));
        return ResponseEntity.ok().eTag("\"" + card.version() + "\"").body(card);
    }
}
