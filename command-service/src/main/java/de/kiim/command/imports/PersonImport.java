package de.kiim.command.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kiim.command.api.Caller;
import de.kiim.command.duplicates.DuplicateCheck;
import de.kiim.command.person.RegisterPerson;
import de.kiim.command.person.RegistrationRequest;
import de.kiim.events.PersonId;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.JsonProblems;
import de.kiim.platform.web.RequestTooLarge;
import de.kiim.platform.web.RuleViolation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the persons of an import file line by line, as it streams in: each line is checked like a registration
 * over the API (validation, duplicate check) and registered with the same command. Lines are committed in chunks,
 * one transaction each together with their results, so progress is visible while the import runs and memory stays
 * flat however long the file. Sending the same file again creates nobody twice: its persons are then duplicates.
 */
@Service
class PersonImport {

    private static final Logger log = LoggerFactory.getLogger(PersonImport.class);
    static final int CHUNK_SIZE = 200;

    private final ImportJobs jobs;
    private final CommandGateway commands;
    private final DuplicateCheck duplicates;
    private final Validator validator;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** The most lines one import reads ({@code kiim.imports.max-lines}); the upload size limit bounds it too. */
    private final int maxLines;

    PersonImport(
            ImportJobs jobs,
            CommandGateway commands,
            DuplicateCheck duplicates,
            Validator validator,
            ObjectMapper json,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${kiim.imports.max-lines:1000000}") int maxLines) {
        this.jobs = jobs;
        this.commands = commands;
        this.duplicates = duplicates;
        this.validator = validator;
        this.json = json;
        this.transactions = transactions;
        this.clock = clock;
        this.maxLines = maxLines;
    }

    /** Runs the whole import in the calling (request) thread; a malformed header fails before anything is kept. */
    UUID run(ImportFormat format, InputStream body, KiimUser user) {
        Iterator<SourceRow> lines = format == ImportFormat.CSV ? new CsvSource(body) : new NdjsonSource(body, json);
        UUID id = UUID.randomUUID();
        jobs.start(id, user.getUsername(), user.agencyId(), format);
        Caller caller = new Caller(user.agencyId(), user.agencyKind());
        try {
            List<SourceRow> chunk = new ArrayList<>(CHUNK_SIZE);
            int read = 0;
            while (lines.hasNext()) {
                if (++read > maxLines) {
                    importChunk(id, chunk, caller);
                    jobs.finish(
                            id,
                            ImportState.FAILED,
                            "the file has more than " + maxLines + " lines; those " + "before are imported");
                    return id;
                }
                chunk.add(lines.next());
                if (chunk.size() == CHUNK_SIZE) {
                    importChunk(id, chunk, caller);
                    chunk.clear();
                }
            }
            importChunk(id, chunk, caller);
            jobs.finish(id, ImportState.COMPLETED, null);
            return id;
        } catch (RuntimeException | Error failure) {
            // Whatever stops an import, its job ends FAILED with a reason that names no value of the file.
            jobs.finish(
                    id,
                    ImportState.FAILED,
                    RequestTooLarge.in(failure)
                            .map(tooLarge -> "the file is larger than " + tooLarge.limit() + " bytes")
                            .orElse("the import stopped unexpectedly"));
            throw failure;
        }
    }

    /**
     * One transaction for the chunk: commands join it (Axon uses the caller's transaction). Should a line fail
     * after its checks — a registration with the same AZR number at the same moment — the chunk is rolled back and
     * its lines run one by one, so only that line is lost, and reported.
     */
    private void importChunk(UUID id, List<SourceRow> chunk, Caller caller) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> jobs.record(
                    id, chunk.stream().map(line -> importLine(line, caller)).toList()));
        } catch (RuntimeException chunkFailed) {
            log.warn("A line of import {} failed after its checks; importing its chunk line by line", id);
            for (SourceRow line : chunk) {
                try {
                    transactions.executeWithoutResult(status -> jobs.record(id, List.of(importLine(line, caller))));
                } catch (RuntimeException lineFailed) {
                    transactions.executeWithoutResult(status -> jobs.record(
                            id,
                            List.of(RowResult.invalid(
                                    line.lineNumber(),
                                    List.of(new FieldProblem(
                                            "line",
                                            "could not be registered because "
                                                    + "of a concurrent change; send it again"))))));
                }
            }
        }
    }

    private RowResult importLine(SourceRow line, Caller caller) {
        if (!line.problems().isEmpty()) {
            return RowResult.invalid(line.lineNumber(), line.problems());
        }
        RegistrationRequest request;
        try {
            request = json.treeToValue(line.fields(), RegistrationRequest.class);
        } catch (JsonMappingException mapping) {
            return RowResult.invalid(line.lineNumber(), List.of(JsonProblems.of(mapping)));
        } catch (JsonProcessingException unreadable) {
            return RowResult.invalid(line.lineNumber(), List.of(new FieldProblem("line", "cannot be read")));
        }
        List<FieldProblem> problems = validator.validate(request).stream()
                .map(violation ->
                        new FieldProblem(field(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason))
                .toList();
        if (!problems.isEmpty()) {
            return RowResult.invalid(line.lineNumber(), problems);
        }
        RegisterPerson registration = request.toCommand(PersonId.random(), LocalDate.now(clock));
        // Checked here as well as on the command bus: a refused command would roll back the whole chunk.
        try {
            duplicates.requireNoLikelyDuplicate(
                    caller,
                    registration.familyName(),
                    registration.givenNames(),
                    registration.dateOfBirth(),
                    registration.azrNumber(),
                    registration.confirmedDistinctFrom());
        } catch (RuleViolation likelyDuplicate) {
            @SuppressWarnings("unchecked")
            List<UUID> candidates = (List<UUID>) likelyDuplicate.properties().getOrDefault("candidates", List.of());
            return RowResult.duplicate(line.lineNumber(), candidates);
        }
        commands.sendAndWait(registration);
        return RowResult.created(line.lineNumber(), registration.personId().value());
    }

    /** A class-level rule (date order) reports on the record; its property node names the field. */
    private static String field(String path) {
        return path.isEmpty() ? "line" : path;
    }
}
