package de.kiim.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates synthetic integration paths with the distributions docs/demo-data.md documents: arrivals over five
 * years, nationalities, sex and age as a district of Saxony-Anhalt sees them, asylum procedures with the hand-over
 * from AsylbLG to SGB II, integration courses with interruptions, drop-outs and returns, job-related courses, work,
 * counselling and moves. The same number and seed always give the same person; nothing is about a real person.
 * Every step comes from the agency that may record it (docs/entitlements.md), and no step lies after {@code today}.
 */
final class IntegrationPaths {

    static final int FIRST_YEAR = 2021;
    private static final double[] YEAR_WEIGHTS = {0.12, 0.30, 0.24, 0.18, 0.16};

    private static final String[] FAMILY = {
        "Haddad", "Karimi", "Kovalenko", "Mensah", "Yilmaz", "Popescu", "Nazari", "Hussaini", "Bondarenko", "Okafor",
        "Demir", "Rahimi", "Shevchenko", "Alkhalil", "Tesfaye", "Nguyen", "Kaya", "Mohammadi", "Melnyk", "Abdi",
        "Osman", "Sahin", "Ahmadi", "Tkachenko", "Haidari", "Mahmoud", "Kebede", "Jafari", "Lysenko", "Barzani"
    };
    private static final String[] GIVEN_FEMALE = {
        "Amal", "Olena", "Elif", "Samira", "Daria", "Leyla", "Nour", "Fatima", "Iryna", "Zahra", "Mariam", "Hevin",
        "Selam", "Lan", "Yana", "Roya", "Aisha", "Sofiia", "Parisa", "Dilan"
    };
    private static final String[] GIVEN_MALE = {
        "Farid", "Kwame", "Ionut", "Yusuf", "Chidi", "Omid", "Ahmad", "Mykola", "Karim", "Bilal", "Dawit", "Minh",
        "Emre", "Hamid", "Taras", "Reza", "Mustafa", "Bohdan", "Jamal", "Serhat"
    };
    /** Nationality weights: the rare ones are there so that tables show withheld cells. */
    private static final Object[][] NATIONALITIES = {
        {"UKR", 0.30}, {"SYR", 0.20}, {"AFG", 0.14}, {"TUR", 0.08}, {"IRQ", 0.06}, {"ERI", 0.04}, {"IRN", 0.04},
        {"GEO", 0.03}, {"SOM", 0.03}, {"NGA", 0.03}, {"VNM", 0.02}, {"RUS", 0.02}, {"MDA", 0.005}, {"YEM", 0.005}
    };
    /** Municipalities of Landkreis Harz (15085) with their share of arrivals. */
    private static final Object[][] MUNICIPALITIES = {
        {"15085135", 0.30},
        {"15085370", 0.22},
        {"15085235", 0.20},
        {"15085040", 0.12},
        {"15085190", 0.10},
        {"15085287", 0.06}
    };
    /** Age on entry: lower bound of the band, its upper bound, weight. */
    private static final int[][] AGES = {
        {0, 17, 8}, {18, 24, 25}, {25, 34, 30}, {35, 44, 20}, {45, 54, 10}, {55, 64, 5}, {65, 80, 2}
    };

    private static final String[] OCCUPATIONS = {"29302", "52122", "81302", "43412", "25212", "54101", "51312"};
    private static final String[] INTERRUPTIONS = {"ILLNESS", "PREGNANCY_OR_CHILDCARE", "EMPLOYMENT", "MOVE"};
    private static final String[] DROP_OUTS = {"EMPLOYMENT", "MOVED_AWAY", "ILLNESS", "CARE_DUTIES", "NO_SHOW"};
    private static final String[] TOPICS = {
        "RESIDENCE_LAW", "LANGUAGE_COURSES", "WORK_AND_TRAINING", "BENEFITS", "HOUSING", "HEALTH", "FAMILY"
    };

    private IntegrationPaths() {}

    static IntegrationPath generate(int number, long seed, LocalDate today) {
        // SplittableRandom mixes its seed: java.util.Random's first numbers for neighbouring seeds are alike.
        return new Generator(number, new SplittableRandom(seed * 1_000_003L + number), today).path();
    }

    private static final class Generator {
        private final int number;
        private final SplittableRandom random;
        private final LocalDate today;
        private final List<Step> steps = new ArrayList<>();
        private LocalDate sgbIiFrom;

        Generator(int number, SplittableRandom random, LocalDate today) {
            this.number = number;
            this.random = random;
            this.today = today;
        }

        IntegrationPath path() {
            LocalDate entry = entryDate();
            LocalDate registered = min(entry.plusDays(between(7, 45)), today);
            String nationality = pick(NATIONALITIES);
            boolean ukrainian = nationality.equals("UKR");
            String sex = sex(ukrainian);
            int age = age();
            LocalDate born = entry.minusYears(age).minusDays(between(0, 364));
            boolean female = sex.equals("FEMALE");
            String[] given = female ? GIVEN_FEMALE : GIVEN_MALE;
            Map<String, Object> registration = body(
                    "familyName",
                    FAMILY[random.nextInt(FAMILY.length)],
                    "givenNames",
                    given[random.nextInt(given.length)],
                    "dateOfBirth",
                    born.toString(),
                    "sex",
                    sex,
                    "nationality",
                    nationality,
                    "entryDate",
                    entry.toString(),
                    "municipality",
                    pick(MUNICIPALITIES),
                    "registeredOn",
                    registered.toString());

            if (ukrainian) {
                temporaryProtection(registered);
            } else {
                asylum(registered);
            }
            if (random.nextDouble() < 0.78) {
                courses(registered, age, female);
            }
            if (sgbIiFrom != null && random.nextDouble() < 0.6) {
                employment(entry);
            }
            if (random.nextDouble() < 0.3) {
                counselling(registered);
            }
            double move = random.nextDouble();
            if (move < 0.08) {
                moveAway(registered);
            } else if (move < 0.16) {
                LocalDate moved = registered.plusDays(between(60, 900));
                steps.add(
                        Step.of(moved, "abh", "/moves", body("municipality", pick(MUNICIPALITIES), "movedOn", moved)));
            }
            List<Step> recorded = steps.stream()
                    .filter(step -> !step.day().isAfter(today))
                    .sorted(Comparator.comparing(Step::day))
                    .toList();
            return new IntegrationPath(number, registered, registration, recorded);
        }

        /** Temporary protection (§ 24 AufenthG): the Jobcenter is responsible from the start (SGB II). */
        private void temporaryProtection(LocalDate registered) {
            steps.add(Step.of(
                    registered,
                    "abh",
                    "/residence-status",
                    body("status", "AE_24", "validFrom", registered, "validUntil", registered.plusYears(2))));
            steps.add(Step.of(
                    registered,
                    "abh",
                    "/case-shares",
                    body("agency", "jobcenter-harz", "legalBasis", "SGB_X_69", "sharedOn", registered)));
            sgbIiFrom = registered.plusDays(between(14, 45));
            steps.add(Step.of(sgbIiFrom, "jobcenter", "/benefit-regime", body("regime", "SGB_II", "since", sgbIiFrom)));
        }

        /** An asylum procedure: AsylbLG at the Sozialamt; protection granted, then the hand-over to SGB II. */
        private void asylum(LocalDate registered) {
            steps.add(Step.of(
                    registered, "abh", "/residence-status", body("status", "GESTATTUNG", "validFrom", registered)));
            steps.add(Step.of(
                    registered,
                    "abh",
                    "/case-shares",
                    body("agency", "sozialamt-harz", "legalBasis", "SGB_X_69", "sharedOn", registered)));
            LocalDate asylbLg = registered.plusDays(between(0, 14));
            steps.add(Step.of(asylbLg, "sozialamt", "/benefit-regime", body("regime", "ASYLBLG", "since", asylbLg)));
            double decision = random.nextDouble();
            if (decision < 0.7) {
                LocalDate decided = asylbLg.plusDays(between(120, 600));
                String status = decision < 0.42 ? "AE_25_2_REFUGEE" : decision < 0.6 ? "AE_25_3" : "AE_FAMILY";
                steps.add(Step.of(
                        decided,
                        "abh",
                        "/residence-status",
                        body("status", status, "validFrom", decided, "validUntil", decided.plusYears(3))));
                LocalDate handOver = decided.plusDays(between(20, 90));
                if (!handOver.isAfter(today)) {
                    sgbIiFrom = handOver;
                }
                steps.add(
                        Step.of(handOver, "sozialamt", "/benefit-regime", body("regime", "SGB_II", "since", handOver)));
            } else if (decision < 0.85) {
                LocalDate tolerated = registered.plusDays(between(200, 700));
                steps.add(Step.of(
                        tolerated, "abh", "/residence-status", body("status", "DULDUNG", "validFrom", tolerated)));
            }
        }

        private void courses(LocalDate registered, int age, boolean female) {
            double kind = random.nextDouble();
            String type = age < 27 && kind < 0.25
                    ? "INTEGRATION_YOUTH"
                    : kind < 0.4
                            ? "INTEGRATION_LITERACY"
                            : female && kind < 0.5 ? "INTEGRATION_WOMEN" : "INTEGRATION_GENERAL";
            LocalDate enrolled = registered.plusDays(between(20, 240));
            LocalDate certifiedB1 = course(0, type, enrolled, "A1");
            if (certifiedB1 != null && random.nextDouble() < 0.35) {
                course(2, "BERUFSSPRACHKURS_B2", certifiedB1.plusDays(between(30, 200)), "B1");
            }
        }

        /**
         * One course at the Volkshochschule, enrolled by the foreigners' authority; after dropping out of the first,
         * some enrol again (index 1). Returns the day B1 was certified, the way to a job-related course, or null.
         */
        private LocalDate course(int index, String type, LocalDate enrolled, String placedAt) {
            String id = "course" + index;
            String course = "/courses/{" + id + "}";
            LocalDate starts = enrolled.plusDays(10 + (int) (140 * Math.pow(random.nextDouble(), 2)));
            steps.add(new Step(
                    enrolled,
                    "abh",
                    "/courses",
                    body("courseType", type, "startsOn", starts, "enrolledOn", enrolled, "providerAgency", "vhs-harz"),
                    id));
            steps.add(Step.of(
                    enrolled.plusDays(3),
                    "sprachkurs",
                    "/language-assessments",
                    body(
                            "skill",
                            "OVERALL",
                            "level",
                            placedAt,
                            "method",
                            "PLACEMENT_TEST",
                            "assessedOn",
                            enrolled.plusDays(3))));
            LocalDate end = starts.plusDays(between(180, 330));
            double outcome = random.nextDouble();
            if (outcome < 0.14) {
                LocalDate interrupted = starts.plusDays(between(30, 120));
                LocalDate resumed = interrupted.plusDays(between(20, 60));
                steps.add(Step.of(
                        interrupted,
                        "sprachkurs",
                        course + "/interruptions",
                        body(
                                "reason",
                                INTERRUPTIONS[random.nextInt(INTERRUPTIONS.length)],
                                "interruptedOn",
                                interrupted)));
                steps.add(Step.of(resumed, "sprachkurs", course + "/resumptions", body("resumedOn", resumed)));
                end = end.plusDays(resumed.toEpochDay() - interrupted.toEpochDay());
            }
            if (outcome < 0.72) {
                return complete(course, end, !type.startsWith("BERUFSSPRACHKURS"));
            }
            if (outcome < 0.9) {
                LocalDate left = starts.plusDays(between(20, 170));
                steps.add(Step.of(
                        left,
                        "sprachkurs",
                        course + "/drop-out",
                        body("reason", DROP_OUTS[random.nextInt(DROP_OUTS.length)], "lastAttendedOn", left)));
                if (index == 0 && random.nextDouble() < 0.4) {
                    return course(1, type, left.plusDays(between(60, 300)), "A1");
                }
            }
            return null; // dropped out, or still attending
        }

        private LocalDate complete(String course, LocalDate day, boolean integrationCourse) {
            double level = random.nextDouble();
            Map<String, Object> completion;
            if (!integrationCourse) {
                completion = level < 0.6
                        ? body("examResults", List.of(), "levelReached", "B2", "completedOn", day)
                        : body("examResults", List.of(), "completedOn", day);
            } else if (level < 0.55) {
                completion =
                        body("examResults", List.of("DTZ_B1", "LID_PASSED"), "levelReached", "B1", "completedOn", day);
            } else if (level < 0.9) {
                completion =
                        body("examResults", List.of("DTZ_A2", "LID_PASSED"), "levelReached", "A2", "completedOn", day);
            } else {
                completion = body("examResults", List.of("DTZ_BELOW_A2", "LID_FAILED"), "completedOn", day);
            }
            steps.add(Step.of(day, "sprachkurs", course + "/completion", completion));
            return integrationCourse && level < 0.55 ? day : null;
        }

        /** Work, recorded by the Jobcenter while it is responsible; then either the job ends or benefits do. */
        private void employment(LocalDate entry) {
            LocalDate earliest = sgbIiFrom.plusDays(30);
            LocalDate drawn = entry.plusDays(200 + (int) (1100 * Math.pow(random.nextDouble(), 1.5)));
            LocalDate started = drawn.isBefore(earliest) ? earliest : drawn;
            steps.add(new Step(
                    started,
                    "jobcenter",
                    "/employments",
                    body(
                            "occupation",
                            OCCUPATIONS[random.nextInt(OCCUPATIONS.length)],
                            "kind",
                            random.nextDouble() < 0.8 ? "EMPLOYMENT" : "APPRENTICESHIP",
                            "weeklyHours",
                            random.nextDouble() < 0.7 ? 39 : 25,
                            "startedOn",
                            started),
                    "employment0"));
            double after = random.nextDouble();
            if (after < 0.25) {
                LocalDate ended = started.plusDays(between(90, 500));
                steps.add(Step.of(
                        ended,
                        "jobcenter",
                        "/employments/{employment0}/end",
                        body("reason", after < 0.15 ? "FIXED_TERM_EXPIRED" : "RESIGNED", "endedOn", ended)));
            } else if (after < 0.6) {
                LocalDate independent = started.plusDays(between(30, 150));
                steps.add(Step.of(
                        independent, "jobcenter", "/benefit-regime", body("regime", "NONE", "since", independent)));
            }
        }

        /** Migration counselling sees the person by the consent the foreigners' authority records. */
        private void counselling(LocalDate registered) {
            LocalDate consent = registered.plusDays(between(10, 200));
            steps.add(Step.of(
                    consent,
                    "abh",
                    "/consents",
                    body(
                            "purpose",
                            "COUNSELLING",
                            "recipientAgency",
                            "mbe-harz",
                            "evidenceReference",
                            "MBE-" + number,
                            "givenOn",
                            consent)));
            LocalDate session = consent;
            for (int i = between(1, 3); i > 0; i--) {
                steps.add(Step.of(
                        session,
                        "beratung",
                        "/counselling-sessions",
                        body(
                                "topics",
                                List.of(TOPICS[random.nextInt(TOPICS.length)]),
                                "agreedNextSteps",
                                "Nächster Termin vereinbart",
                                "heldOn",
                                session)));
                session = session.plusDays(between(14, 120));
            }
        }

        /** Moving out of the district ends support; nothing after it is recorded. */
        private void moveAway(LocalDate registered) {
            LocalDate moved = registered.plusDays(between(200, 1200));
            steps.removeIf(step -> !step.day().isBefore(moved));
            steps.add(Step.of(moved, "abh", "/move-away", body("destination", "03241001", "movedOn", moved)));
            steps.add(Step.of(moved, "abh", "/support-end", body("reason", "MOVED_AWAY", "endedOn", moved)));
        }

        private LocalDate entryDate() {
            double u = random.nextDouble();
            int year = 0;
            for (double cumulative = YEAR_WEIGHTS[0]; u > cumulative && year < YEAR_WEIGHTS.length - 1; ) {
                cumulative += YEAR_WEIGHTS[++year];
            }
            LocalDate first = LocalDate.of(FIRST_YEAR + year, 1, 1);
            LocalDate entry = first.plusDays(random.nextInt(first.lengthOfYear()));
            LocalDate latest = today.minusDays(60);
            return entry.isAfter(latest) ? latest.minusDays(random.nextInt(200)) : entry;
        }

        private String sex(boolean ukrainian) {
            double u = random.nextDouble();
            if (u < 0.01) {
                return u < 0.004 ? "DIVERSE" : "UNSPECIFIED";
            }
            return u < (ukrainian ? 0.65 : 0.42) ? "FEMALE" : "MALE";
        }

        private int age() {
            int total = 0;
            for (int[] band : AGES) {
                total += band[2];
            }
            int u = random.nextInt(total);
            for (int[] band : AGES) {
                if (u < band[2]) {
                    return band[0] + random.nextInt(band[1] - band[0] + 1);
                }
                u -= band[2];
            }
            throw new IllegalStateException("weights add up");
        }

        private String pick(Object[][] weighted) {
            double total = 0;
            for (Object[] entry : weighted) {
                total += (Double) entry[1];
            }
            double u = random.nextDouble() * total;
            for (Object[] entry : weighted) {
                u -= (Double) entry[1];
                if (u < 0) {
                    return (String) entry[0];
                }
            }
            return (String) weighted[weighted.length - 1][0];
        }

        private int between(int low, int high) {
            return low + random.nextInt(high - low + 1);
        }

        private static LocalDate min(LocalDate a, LocalDate b) {
            return a.isBefore(b) ? a : b;
        }
    }

    /** A JSON body from name-value pairs, days as ISO dates. */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            body.put((String) pairs[i], value instanceof LocalDate day ? day.toString() : value);
        }
        return body;
    }
}
