package de.kiim.command.course;

import static java.util.Objects.requireNonNullElse;

import de.kiim.command.api.CommandDispatch;
import de.kiim.command.validation.Code;
import de.kiim.events.PersonId;
import de.kiim.events.vocabulary.AgencyKind;
import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.CourseType;
import de.kiim.events.vocabulary.DropOutReason;
import de.kiim.events.vocabulary.ExamResult;
import de.kiim.events.vocabulary.InterruptionReason;
import de.kiim.platform.entitlements.EntitlementPolicy;
import de.kiim.platform.entitlements.LinkReason;
import de.kiim.platform.security.AgencyDirectory;
import de.kiim.platform.security.KiimUser;
import de.kiim.platform.web.FieldProblem;
import de.kiim.platform.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/persons/{personId}/courses")
@Tag(
        name = "Courses",
        description = "Language and orientation courses: enrolment, interruption, completion, " + "drop-out")
class CourseController {

    private final CommandDispatch dispatch;
    private final AgencyDirectory directory;
    private final EntitlementPolicy policy;

    CourseController(CommandDispatch dispatch, AgencyDirectory directory, EntitlementPolicy policy) {
        this.dispatch = dispatch;
        this.directory = directory;
        this.policy = policy;
    }

    record EnrolmentRequest(
            @Schema(example = "INTEGRATION_GENERAL") @NotNull @Code(CourseType.class)
            String courseType,

            @Schema(description = "First course day, may lie in the future", example = "2024-04-08") @NotNull
            LocalDate startsOn,

            @Schema(
                    description = "Agency id of the course provider; the caller's agency when absent and the "
                            + "caller is a course provider",
                    example = "vhs-harz")
            @Size(max = 64)
            String providerAgency,

            @Schema(description = "Day of enrolment; today when absent") @PastOrPresent
            LocalDate enrolledOn) {

        EnrolInCourse toCommand(PersonId personId, UUID enrolmentId, String provider, LocalDate today) {
            return new EnrolInCourse(
                    personId,
                    enrolmentId,
                    requireNonNullElse(enrolledOn, today),
                    CourseType.valueOf(courseType),
                    startsOn,
                    provider);
        }
    }

    record Enrolled(String enrolmentId) {}

    record InterruptionRequest(
            @Schema(example = "ILLNESS") @NotNull @Code(InterruptionReason.class)
            String reason,

            @Schema(description = "First day missed; today when absent") @PastOrPresent
            LocalDate interruptedOn) {

        InterruptCourse toCommand(PersonId personId, UUID enrolmentId, LocalDate today) {
            return new InterruptCourse(
                    personId,
                    enrolmentId,
                    requireNonNullElse(interruptedOn, today),
                    InterruptionReason.valueOf(reason));
        }
    }

    record ResumptionRequest(
            @Schema(description = "First day back; today when absent") @PastOrPresent
            LocalDate resumedOn) {

        ResumeCourse toCommand(PersonId personId, UUID enrolmentId, LocalDate today) {
            return new ResumeCourse(personId, enrolmentId, requireNonNullElse(resumedOn, today));
        }
    }

    record CompletionRequest(
            @Schema(description = "At most one result per exam", example = "[\"DTZ_B1\", \"LID_PASSED\"]")
            @Size(max = 2)
            List<@NotNull @Code(ExamResult.class) String> examResults,

            @Schema(description = "CEFR level certified, if any", example = "B1") @Code(CefrLevel.class)
            String levelReached,

            @Schema(description = "Last course day or exam day; today when absent") @PastOrPresent
            LocalDate completedOn) {

        CompleteCourse toCommand(PersonId personId, UUID enrolmentId, LocalDate today) {
            List<ExamResult> results = examResults == null
                    ? List.of()
                    : examResults.stream().map(ExamResult::valueOf).toList();
            if (results.stream().map(ExamResult::exam).distinct().count() < results.size()) {
                throw new InvalidRequest(new FieldProblem("examResults", "must hold at most one result per exam"));
            }
            return new CompleteCourse(
                    personId,
                    enrolmentId,
                    requireNonNullElse(completedOn, today),
                    results,
                    levelReached == null ? null : CefrLevel.valueOf(levelReached));
        }
    }

    record DropOutRequest(
            @Schema(example = "EMPLOYMENT") @NotNull @Code(DropOutReason.class)
            String reason,

            @Schema(description = "Last day attended; today when absent") @PastOrPresent
            LocalDate lastAttendedOn) {

        DropOutOfCourse toCommand(PersonId personId, UUID enrolmentId, LocalDate today) {
            return new DropOutOfCourse(
                    personId, enrolmentId, requireNonNullElse(lastAttendedOn, today), DropOutReason.valueOf(reason));
        }
    }

    @PostMapping
    @Operation(
            summary = "Enrol the person in a course",
            description = "Appends CourseEnrolled. The answer's enrolmentId names the participation in later "
                    + "course steps; 409 while the person is in an ongoing course of the same type.")
    ResponseEntity<Enrolled> enrol(
            @PathVariable UUID personId,
            @Valid @RequestBody EnrolmentRequest request,
            @AuthenticationPrincipal KiimUser caller) {
        String provider = courseProvider(request.providerAgency(), caller);
        UUID enrolmentId = UUID.randomUUID();
        return dispatch.send(
                request.toCommand(new PersonId(personId), enrolmentId, provider, dispatch.today()),
                HttpStatus.CREATED,
                null,
                new Enrolled(enrolmentId.toString()));
    }

    /**
     * The enrolment's provider sees the person from then on, so it must be an agency whose kind the policy links
     * as a course provider; a provider enrols only into its own courses.
     */
    private String courseProvider(String requested, KiimUser caller) {
        boolean callerProvides = providesCourses(caller.agencyKind());
        if (requested == null && callerProvides) {
            return caller.agencyId();
        }
        if (requested == null) {
            throw new InvalidRequest(
                    new FieldProblem("providerAgency", "is required: the agency providing the course"));
        }
        if (callerProvides && !requested.equals(caller.agencyId())) {
            throw new InvalidRequest(new FieldProblem(
                    "providerAgency",
                    "must be your own agency: a course " + "provider records enrolments in its own courses"));
        }
        if (!directory.kindOf(requested).map(this::providesCourses).orElse(false)) {
            throw new InvalidRequest(new FieldProblem("providerAgency", "must be the id of a known course provider"));
        }
        return requested;
    }

    private boolean providesCourses(AgencyKind kind) {
        return policy.of(kind).linkedBy().contains(LinkReason.COURSE_PROVIDER);
    }

    @PostMapping("/{enrolmentId}/interruptions")
    @Operation(summary = "Record an interruption", description = "Appends CourseInterrupted.")
    ResponseEntity<Void> interrupt(
            @PathVariable UUID personId,
            @PathVariable UUID enrolmentId,
            @Valid @RequestBody InterruptionRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), enrolmentId, dispatch.today()));
    }

    @PostMapping("/{enrolmentId}/resumptions")
    @Operation(summary = "Record a return to an interrupted course", description = "Appends CourseResumed.")
    ResponseEntity<Void> resume(
            @PathVariable UUID personId,
            @PathVariable UUID enrolmentId,
            @Valid @RequestBody ResumptionRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), enrolmentId, dispatch.today()));
    }

    @PostMapping("/{enrolmentId}/completion")
    @Operation(
            summary = "Record the completion of a course, with exam results",
            description = "Appends CourseCompleted; 422 when the day lies before the course start.")
    ResponseEntity<Void> complete(
            @PathVariable UUID personId,
            @PathVariable UUID enrolmentId,
            @Valid @RequestBody CompletionRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), enrolmentId, dispatch.today()));
    }

    @PostMapping("/{enrolmentId}/drop-out")
    @Operation(
            summary = "Record that the person left the course for good",
            description = "Appends " + "CourseDroppedOut.")
    ResponseEntity<Void> dropOut(
            @PathVariable UUID personId, @PathVariable UUID enrolmentId, @Valid @RequestBody DropOutRequest request) {
        return dispatch.send(request.toCommand(new PersonId(personId), enrolmentId, dispatch.today()));
    }
}
