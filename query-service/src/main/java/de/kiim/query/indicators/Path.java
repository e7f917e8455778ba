package de.kiim.query.indicators;

import de.kiim.events.vocabulary.CefrLevel;
import de.kiim.events.vocabulary.Vocabulary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One subject's integration path as the statistics read model knows it at the query's {@code asOf}: the coarse
 * attributes (latest recorded value wins) and what happened when. Built by {@link Folder}; indicators read it at
 * their reference date.
 */
final class Path {

    /** A value that holds from a day on, until the next change. */
    record Change(LocalDate from, String value) {}

    /** A course participation: enrolment, first day, and how it went. */
    static final class Course {
        final String type;
        final LocalDate enrolledOn;
        final LocalDate startsOn;
        LocalDate completedOn;
        String levelReached;
        final List<String> examResults = new ArrayList<>();
        final List<LocalDate> interruptions = new ArrayList<>();
        final List<LocalDate> resumptions = new ArrayList<>();
        LocalDate droppedOutOn;

        Course(String type, LocalDate enrolledOn, LocalDate startsOn) {
            this.type = type;
            this.enrolledOn = enrolledOn;
            this.startsOn = startsOn;
        }

        /** Whether its first day was reached by {@code day}: not dropped out, nor interrupted unresumed, before it. */
        boolean begunBy(LocalDate day) {
            if (startsOn == null || startsOn.isAfter(day)) {
                return false;
            }
            boolean leftBefore = droppedOutOn != null && droppedOutOn.isBefore(startsOn);
            boolean pausedBefore = interruptions.stream().anyMatch(paused -> paused.isBefore(startsOn))
                    && resumptions.stream().noneMatch(resumed -> !resumed.isAfter(startsOn));
            return !leftBefore && !pausedBefore;
        }

        /** The highest level certified at completion: the level reached, or a DTZ result's if higher. */
        Optional<CefrLevel> certifiedLevel() {
            Optional<CefrLevel> reached = Vocabulary.byCode(CefrLevel.class, levelReached);
            Optional<CefrLevel> byExam = examResults.stream()
                    .map(Levels::certifiedBy)
                    .flatMap(Optional::stream)
                    .map(code -> Vocabulary.byCode(CefrLevel.class, code).orElseThrow())
                    .max(Comparator.naturalOrder());
            return Stream.concat(reached.stream(), byExam.stream()).max(Comparator.naturalOrder());
        }

        /** Begun by {@code day} and neither finished, dropped nor interrupted (without resumption) then. */
        boolean attendedOn(LocalDate day) {
            if (startsOn == null || startsOn.isAfter(day)) {
                return false;
            }
            if (completedOn != null && !completedOn.isAfter(day)
                    || droppedOutOn != null && !droppedOutOn.isAfter(day)) {
                return false;
            }
            return latestOnOrBefore(interruptions, day)
                    .map(interrupted -> latestOnOrBefore(resumptions, day)
                            .filter(resumed -> !resumed.isBefore(interrupted))
                            .isPresent())
                    .orElse(true);
        }
    }

    /** Work from its first to its last day ({@code endedOn}, the day it ended, still counts). */
    record Employment(LocalDate startedOn, LocalDate endedOn) {
        boolean on(LocalDate day) {
            return !startedOn.isAfter(day) && (endedOn == null || !endedOn.isBefore(day));
        }
    }

    final UUID subject;
    final double recordKey;
    LocalDate registeredOn;
    LocalDate entryDate;
    String sex;
    String nationality;
    String ageBand;
    final List<Change> municipality = new ArrayList<>();
    final List<Change> residenceStatus = new ArrayList<>();
    final List<Change> benefitRegime = new ArrayList<>();
    /** Days the person moved away and came back; support ended and was resumed. */
    final List<LocalDate> movedAway = new ArrayList<>();

    final List<LocalDate> movedBack = new ArrayList<>();
    final List<LocalDate> supportEnded = new ArrayList<>();
    final List<LocalDate> supportResumed = new ArrayList<>();
    /** CEFR levels found, with the day: assessments, certified course levels and exam results. */
    final List<Change> levels = new ArrayList<>();

    final Map<UUID, Course> courses;
    final Map<UUID, Employment> employments;
    /** The course an indicator of course episodes looks at in this view of the path, or null. */
    final Course focus;
    /** The change of benefit regime an indicator of transitions looks at in this view, or null. */
    final Transition transition;

    /** A change from one recorded benefit regime to another. */
    record Transition(String from, String to, LocalDate on) {}

    Path(UUID subject, double recordKey) {
        this.subject = subject;
        this.recordKey = recordKey;
        this.courses = new LinkedHashMap<>();
        this.employments = new LinkedHashMap<>();
        this.focus = null;
        this.transition = null;
    }

    /** The same path, seen for one of its courses (its course type is that course's) or one of its transitions. */
    private Path(Path path, Course focus, Transition transition) {
        this.subject = path.subject;
        this.recordKey = path.recordKey;
        this.registeredOn = path.registeredOn;
        this.entryDate = path.entryDate;
        this.sex = path.sex;
        this.nationality = path.nationality;
        this.ageBand = path.ageBand;
        this.municipality.addAll(path.municipality);
        this.residenceStatus.addAll(path.residenceStatus);
        this.benefitRegime.addAll(path.benefitRegime);
        this.movedAway.addAll(path.movedAway);
        this.movedBack.addAll(path.movedBack);
        this.supportEnded.addAll(path.supportEnded);
        this.supportResumed.addAll(path.supportResumed);
        this.levels.addAll(path.levels);
        this.courses = path.courses;
        this.employments = path.employments;
        this.focus = focus;
        this.transition = transition;
    }

    /** One view of the path per course enrolled in by {@code day}, each focused on its course. */
    List<Path> perCourseBy(LocalDate day) {
        return courses.values().stream()
                .filter(course -> !course.enrolledOn.isAfter(day))
                .map(course -> new Path(this, course, null))
                .toList();
    }

    /** One view of the path per change between two recorded benefit regimes. */
    List<Path> perTransition() {
        List<Path> views = new ArrayList<>();
        for (int i = 1; i < benefitRegime.size(); i++) {
            Change before = benefitRegime.get(i - 1);
            Change after = benefitRegime.get(i);
            if (!after.value().equals(before.value())) {
                views.add(new Path(this, null, new Transition(before.value(), after.value(), after.from())));
            }
        }
        return views;
    }

    /**
     * Folds rows ordered by subject into paths, handing each to {@code each} once complete. Facts arrive in the
     * order they were recorded per subject; changes of the same kind are kept sorted by their day, so a step
     * entered late still takes its place.
     */
    static final class Folder implements Consumer<StatisticsFacts.Row> {
        private final Consumer<Path> each;
        private Path current;

        Folder(Consumer<Path> each) {
            this.each = each;
        }

        @Override
        public void accept(StatisticsFacts.Row row) {
            if (current == null || !current.subject.equals(row.subject())) {
                finish();
                current = new Path(row.subject(), row.recordKey());
            }
            current.apply(row.fact());
        }

        /** Hands over the last path. */
        void finish() {
            if (current != null) {
                current.sortChanges();
                each.accept(current);
                current = null;
            }
        }
    }

    private void apply(Fact fact) {
        LocalDate day = fact.occurredOn();
        switch (fact.kind()) {
            case REGISTERED -> registeredOn = day;
            case ENTRY -> entryDate = fact.since();
            case SEX -> sex = fact.code();
            case NATIONALITY -> nationality = fact.code();
            case AGE_BAND -> ageBand = fact.code();
            case MUNICIPALITY -> municipality.add(new Change(day, fact.code()));
            case MOVED_WITHIN -> {
                municipality.add(new Change(day, fact.code()));
                movedBack.add(day);
            }
            case MOVED_AWAY -> movedAway.add(day);
            case SUPPORT_ENDED -> supportEnded.add(day);
            case SUPPORT_RESUMED -> supportResumed.add(day);
            case RESIDENCE_STATUS -> residenceStatus.add(new Change(day, fact.code()));
            case BENEFIT_REGIME -> benefitRegime.add(new Change(day, fact.code()));
            case LANGUAGE_LEVEL -> levels.add(new Change(day, fact.code()));
            case COURSE_ENROLLED -> courses.put(fact.episode(), new Course(fact.code(), day, fact.since()));
            case COURSE_COMPLETED ->
                course(fact).ifPresent(course -> {
                    course.completedOn = day;
                    course.levelReached = fact.code();
                    if (fact.code() != null) {
                        levels.add(new Change(day, fact.code()));
                    }
                });
            case EXAM_RESULT ->
                course(fact).ifPresent(course -> {
                    course.examResults.add(fact.code());
                    Levels.certifiedBy(fact.code()).ifPresent(level -> levels.add(new Change(day, level)));
                });
            case COURSE_INTERRUPTED -> course(fact).ifPresent(course -> course.interruptions.add(day));
            case COURSE_RESUMED -> course(fact).ifPresent(course -> course.resumptions.add(day));
            case COURSE_DROPPED_OUT -> course(fact).ifPresent(course -> course.droppedOutOn = day);
            case EMPLOYMENT_STARTED -> employments.put(fact.episode(), new Employment(day, null));
            case EMPLOYMENT_ENDED -> {
                Employment started = employments.get(fact.episode());
                if (started != null) {
                    employments.put(fact.episode(), new Employment(started.startedOn(), day));
                }
            }
        }
    }

    private Optional<Course> course(Fact fact) {
        return Optional.ofNullable(courses.get(fact.episode()));
    }

    private void sortChanges() {
        Comparator<Change> byDay = Comparator.comparing(Change::from);
        municipality.sort(byDay);
        residenceStatus.sort(byDay);
        benefitRegime.sort(byDay);
        levels.sort(byDay);
        for (List<LocalDate> days : List.of(movedAway, movedBack, supportEnded, supportResumed)) {
            days.sort(Comparator.naturalOrder());
        }
    }

    /** The value that held on {@code day}: the last change on or before it; null before the first. */
    static String valueOn(List<Change> changes, LocalDate day) {
        String value = null;
        for (Change change : changes) {
            if (change.from().isAfter(day)) {
                break;
            }
            value = change.value();
        }
        return value;
    }

    /** Registered by {@code day}, and neither moved away nor out of support then. */
    boolean inSupportOn(LocalDate day) {
        if (registeredOn == null || registeredOn.isAfter(day)) {
            return false;
        }
        return !leftOn(movedAway, movedBack, day) && !leftOn(supportEnded, supportResumed, day);
    }

    /**
     * The first day from {@code from} to {@code until} on which the person moved away or their support ended:
     * where a time to a milestone is censored.
     */
    Optional<LocalDate> firstExitBetween(LocalDate from, LocalDate until) {
        return Stream.concat(movedAway.stream(), supportEnded.stream())
                .filter(day -> !day.isBefore(from) && !day.isAfter(until))
                .min(Comparator.naturalOrder());
    }

    /** Left on or before {@code day} and not back since. */
    private static boolean leftOn(List<LocalDate> left, List<LocalDate> back, LocalDate day) {
        Optional<LocalDate> lastLeft = latestOnOrBefore(left, day);
        return lastLeft.isPresent()
                && latestOnOrBefore(back, day)
                        .filter(returned -> !returned.isBefore(lastLeft.get()))
                        .isEmpty();
    }

    /** The type of the course in focus, or of the person's first course enrolment up to {@code day}, or null. */
    String courseTypeBy(LocalDate day) {
        if (focus != null) {
            return focus.type;
        }
        return courses.values().stream()
                .filter(course -> !course.enrolledOn.isAfter(day))
                .min(Comparator.comparing(course -> course.enrolledOn))
                .map(course -> course.type)
                .orElse(null);
    }

    private static Optional<LocalDate> latestOnOrBefore(List<LocalDate> days, LocalDate day) {
        return days.stream().filter(d -> !d.isAfter(day)).max(Comparator.naturalOrder());
    }
}
