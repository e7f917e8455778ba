package de.kiim.query.caller;

import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Caller", description = "Who the caller is to Kiim")
class CallerController {

    private final EntitlementPolicy policy;

    CallerController(EntitlementPolicy policy) {
        this.policy = policy;
    }

    /**
     * The caller as the services see it.
     *
     * @param sends the commands the caller's agency kind may send under the signed-off policy, so that a client
     *              (the web UI) offers only the steps the command service would accept; the command service still
     *              decides every command
     */
    record Caller(String username, String agency, String agencyKind, List<String> roles, List<String> sends) {}

    @GetMapping("/api/v1/me")
    @Operation(
            summary = "The caller: user, agency, roles and the steps the agency may record",
            description = "For clients that shape their screens by what the caller may do. Reads no one's data "
                    + "but the caller's, and is not recorded in the access log.")
    Caller me(@AuthenticationPrincipal KiimUser user) {
        // An operator's account need not belong to an agency: no kind, no steps.
        AgencyKind kind = user.agencyKind();
        return new Caller(
                user.getUsername(),
                user.agencyId(),
                kind == null ? null : kind.name(),
                user.roles().stream().map(Role::name).sorted().toList(),
                kind == null
                        ? List.of()
                        : policy.of(kind).sends().stream().sorted().toList());
    }
}
