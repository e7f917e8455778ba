package de.kiim.command.person;

import de.kiim.command.validation.Ags;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.MunicipalityCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.springframework.web.bind.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "Registration and base data")
class PersonController {

    private final CommandGateway commands;
    private final Clock clock;
    private final String queryServiceUrl;

    PersonController(CommandGateway commands, Clock clock,
                           @Value("${kiim.query-service.url:http://localhost:8082}") String queryServiceUrl) {
        this.commands = commands;
        this.clock = clock;
        this.queryServiceUrl = queryServiceUrl;
    }

    record Registered(String personId) {
    }

    record MoveRequest(
            @Schema(description = "Amtlicher Gemeindeschlüssel of the new municipality", example = "15085370")
            @NotNull @Ags String municipality,
            @Schema(description = "Day of the move; today when absent") @PastOrPresent LocalDate movedOn) {
    }

    @PostMapping
    @Operation(summary = "Register a person",
            description = "Appends PersonRegistered. The Location header points to the person card on the query "
                    + "service.")
    ResponseEntity<Registered> register(@Valid @RequestBody RegistrationRequest request) {
        PersonId personId = PersonId.random();
        commands.sendAndWait(request.toCommand(personId, LocalDate.now(clock)));
        var location = UriComponentsBuilder.fromUriString(queryServiceUrl)
                .path("/api/v1/persons/{id}").buildAndExpand(personId.toString()).toUri();
        return ResponseEntity.created(location).body(new Registered(personId.toString()));
    }

    @PostMapping("/{personId}/moves")
    @Operation(summary = "Record a move within the district", description = "Appends PersonMovedWithinDistrict.")
    ResponseEntity<Void> move(@PathVariable UUID personId, @Valid @RequestBody MoveRequest request) {
        commands.sendAndWait(new MovePerson(new PersonId(personId),
                request.movedOn() == null ? LocalDate.now(clock) : request.movedOn(),
                MunicipalityCode.of(request.municipality())));
        return ResponseEntity.noContent().build();
    }
}
