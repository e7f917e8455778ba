package de.kiim.command.consent;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.ConsentPurpose;
import de.kiim.events.vocabulary.LegalBasis;
import de.kiim.platform.security.AgencyDirectory;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}")
@Tag(name = "Consent and sharing", description = "Consents and case sharing: which agencies may see the person")
class ConsentController {

    private final CommandDispatch dispatch;
    private final AgencyDirectory directory;

    ConsentController(CommandDispatch dispatch, AgencyDirectory directory) {
        this.dispatch = dispatch;
        this.directory = directory;
    }

    record ConsentRequest(
            @Schema(example = "CASE_SHARING") @NotNull @Code(ConsentPurpose.class)
            String purpose,

            @Schema(description = "Id of the agency that may receive the data", example = "mbe-harz")
            @NotBlank
            @Size(max = 64)
            String recipientAgency,

            @Schema(description = "GDPR_6_1_A (consent) when absent", example = "GDPR_6_1_A") @Code(LegalBasis.class)
            String legalBasis,

            @Schema(
                    description = "Where the signed consent is kept, e.g. a file number; personal data",
                    example = "MBE-2024-117")
            @NotBlank
            @Size(max = 100)
            String evidenceReference,

            @Schema(description = "Day the consent was given; today when absent") @PastOrPresent
            LocalDate givenOn) {

        GiveConsent toCommand(PersonId personId, LocalDate today) {
            return new GiveConsent(
                    personId,
                    requireNonNullElse(givenOn, today),
                    ConsentPurpose.valueOf(purpose),
                    recipientAgency,
                    legalBasis == null ? LegalBasis.GDPR_6_1_A : LegalBasis.valueOf(legalBasis),
                    evidenceReference);
        }
    }

    record WithdrawalRequest(
            @Schema(example = "CASE_SHARING") @NotNull @Code(ConsentPurpose.class)
            String purpose,

            @Schema(example = "mbe-harz") @NotBlank @Size(max = 64)
            String recipientAgency,

            @Schema(description = "Day of the withdrawal; today when absent") @PastOrPresent
            LocalDate withdrawnOn) {

        WithdrawConsent toCommand(PersonId personId, LocalDate today) {
            return new WithdrawConsent(
                    personId, requireNonNullElse(withdrawnOn, today), ConsentPurpose.valueOf(purpose), recipientAgency);
        }
    }

    record ShareRequest(
            @Schema(description = "Id of the agency that gets access", example = "jobcenter-harz")
            @NotBlank
            @Size(max = 64)
            String agency,

            @Schema(example = "SGB_X_69") @NotNull @Code(LegalBasis.class)
            String legalBasis,

            @Schema(description = "Day access begins; today when absent") @PastOrPresent
            LocalDate sharedOn) {

        ShareCase toCommand(PersonId personId, LocalDate today) {
            return new ShareCase(personId, requireNonNullElse(sharedOn, today), agency, LegalBasis.valueOf(legalBasis));
        }
    }

    record EndRequest(
            @Schema(description = "Day access ends; today when absent") @PastOrPresent
            LocalDate endedOn) {

        EndAgencyAccess toCommand(PersonId personId, String agency, LocalDate today) {
            return new EndAgencyAccess(personId, requireNonNullElse(endedOn, today), agency);
        }
    }

    @PostMapping("/consents")
    @Operation(
            summary = "Record a consent",
            description = "Appends ConsentGiven; the recipient agency sees the "
                    + "person within its entitlements while the consent stands. 409 when it is already given.")
    ResponseEntity<Void> give(@PathVariable UUID personId, @Valid @RequestBody ConsentRequest request) {
        requireKnownAgency("recipientAgency", request.recipientAgency());
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/consent-withdrawals")
    @Operation(
            summary = "Record the withdrawal of a consent",
            description = "Appends ConsentWithdrawn; the "
                    + "recipient agency loses what it saw by that consent alone. 409 when no such consent stands.")
    ResponseEntity<Void> withdraw(@PathVariable UUID personId, @Valid @RequestBody WithdrawalRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/case-shares")
    @Operation(
            summary = "Share the case with an agency on a legal basis",
            description = "Appends " + "CaseSharedWithAgency. 409 when it is already shared with that agency.")
    ResponseEntity<Void> share(@PathVariable UUID personId, @Valid @RequestBody ShareRequest request) {
        requireKnownAgency("agency", request.agency());
        return dispatch.send(request.toCommand(new PersonId(personId), dispatch.today()));
    }

    @PostMapping("/case-shares/{agency}/end")
    @Operation(summary = "End an agency's access to the case", description = "Appends AgencyAccessEnded.")
    ResponseEntity<Void> end(
            @PathVariable UUID personId, @PathVariable String agency, @Valid @RequestBody EndRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), agency, dispatch.today()));
    }

    private void requireKnownAgency(String field, String agency) {
        if (directory.kindOf(agency).isEmpty()) {
            throw new InvalidRequest(new FieldProblem(field, "must be the id of a known agency"));
        }
    }
}
