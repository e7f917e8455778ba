package de.kiim.command.person;

import de.kiim.events.PersonId;
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

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "Registration and base data")
class RegistrationController {

    private final CommandGateway commands;
    private final Clock clock;
    private final String queryServiceUrl;

    RegistrationController(CommandGateway commands, Clock clock,
                           @Value("${kiim.query-service.url:http://localhost:8082}") String queryServiceUrl) {
        this.commands = commands;
        this.clock = clock;
        this.queryServiceUrl = queryServiceUrl;
    }

    record Registered(String personId) {
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
}
