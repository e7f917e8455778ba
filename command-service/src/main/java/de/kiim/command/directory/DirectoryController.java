package de.kiim.command.directory;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Ags;
import de.kiim.command.validation.Code;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.MunicipalityCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The district's agency directory, kept by data stewards: every change is an event in the agency's stream, and the
 * query service rebuilds the views on it, so that a new agency sees the persons its kind is linked to — those
 * recorded before it too — and a closed one sees nobody (docs/entitlements.md). Users stay the DBA's.
 */
@RestController
@RequestMapping("/api/v1/admin/agencies")
@Tag(name = "Agency directory", description = "Agencies added, renamed and closed (DATA_STEWARD)")
class DirectoryController {

    private final CommandDispatch dispatch;
    private final DirectoryTable directory;

    DirectoryController(CommandDispatch dispatch, DirectoryTable directory) {
        this.dispatch = dispatch;
        this.directory = directory;
    }

    record AgencyRequest(
            @Schema(
                    description = "Lower-case letters, digits and hyphens, beginning with a letter and not shaped "
                            + "like a UUID; never changes and is never reused",
                    example = "jobcenter-goslar")
            @NotNull
            @Pattern(regexp = AgencyIds.PATTERN, message = AgencyIds.RULE)
            String id,

            @Schema(example = "Jobcenter Landkreis Goslar") @NotBlank @Size(max = 200)
            String name,

            @Schema(example = "JOBCENTER") @NotNull @Code(AgencyKind.class)
            String kind,

            @Schema(description = "Amtlicher Gemeindeschlüssel of its seat", example = "03153017") @NotNull @Ags
            String municipality,

            @Schema(description = "Day it joins; today when absent") @PastOrPresent
            LocalDate addedOn) {

        AddAgency toCommand(LocalDate today) {
            return new AddAgency(
                    id,
                    name.strip(),
                    AgencyKind.valueOf(kind),
                    MunicipalityCode.of(municipality),
                    requireNonNullElse(addedOn, today));
        }
    }

    record RenameRequest(
            @Schema(example = "Jobcenter Harz") @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "Day of the new name; today when absent") @PastOrPresent
            LocalDate renamedOn) {

        RenameAgency toCommand(String agencyId, LocalDate today) {
            return new RenameAgency(agencyId, name.strip(), requireNonNullElse(renamedOn, today));
        }
    }

    record ClosureRequest(
            @Schema(description = "Day it closes; today when absent") @PastOrPresent
            LocalDate closedOn) {

        CloseAgency toCommand(String agencyId, LocalDate today) {
            return new CloseAgency(agencyId, requireNonNullElse(closedOn, today));
        }
    }

    @GetMapping
    @Operation(summary = "Every agency of the directory, open and closed")
    List<DirectoryTable.Entry> agencies() {
        return directory.all();
    }

    @PostMapping
    @Operation(
            summary = "Add an agency",
            description = "Appends AgencyAdded; 409 agency.id-taken when the id is or "
                    + "was in use. The views rebuild, and the agency sees the persons its kind is linked to.")
    ResponseEntity<Void> add(@Valid @RequestBody AgencyRequest request) {
        return dispatch.send(request.toCommand(dispatch.today()), HttpStatus.CREATED, null, null);
    }

    @PostMapping("/{agencyId}/name")
    @Operation(
            summary = "Rename an agency",
            description =
                    "Appends AgencyRenamed; 404 for an unknown agency, 409 " + "for a closed one or the same name.")
    ResponseEntity<Void> rename(@PathVariable String agencyId, @Valid @RequestBody RenameRequest request) {
        return dispatch.send(request.toCommand(AgencyIds.existing(agencyId), dispatch.today()));
    }

    @PostMapping("/{agencyId}/closure")
    @Operation(
            summary = "Close an agency",
            description =
                    "Appends AgencyClosed: its users and systems are refused "
                            + "at once (a cached sign-in within its TTL), the views rebuild without it. 409 when already closed.")
    ResponseEntity<Void> close(@PathVariable String agencyId, @Valid @RequestBody ClosureRequest request) {
        return dispatch.send(request.toCommand(AgencyIds.existing(agencyId), dispatch.today()));
    }
}
