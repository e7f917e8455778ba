package de.kiim.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code search}: latency of person searches through the API over one agency's view of {@value #PERSONS} persons,
 * against the baseline of the same SQL run directly over JDBC on the same PostgreSQL. The cards are generated in
 * the database (names, birth dates, nationalities, regimes, levels and courses spread over realistic ranges), as
 * a registered population would leave them.
 */
final class Search implements Scenario {

    static final int PERSONS = Integer.getInteger("kiim.bench.search-persons", 100_000);
    private static final int ROUNDS = 300;
    private static final String AGENCY = "kim-harz";
    /** Typical searches of a caseworker, as query strings of GET /api/v1/persons. */
    private static final Map<String, String> QUERIES = Map.of(
            "name prefix", "name=Such",
            "regime and nationality", "benefitRegime=SGB_II&nationality=SYR",
            "course type and state", "courseType=INTEGRATION_GENERAL&courseState=ENROLLED&size=50",
            "level, municipality, arrival", "cefrLevel=B1&municipality=15085135&arrivedFrom=2020-01-01",
            "birth year, sorted", "birthYear=1990&sort=-entryDate");
    /** The SQL the API runs for each, with its parameters inlined, for the baseline. */
    private static final Map<String, String> BASELINE = Map.of(
            "name prefix", "lower(c.family_name) like 'such%'",
            "regime and nationality", "c.benefit_regime = 'SGB_II' and c.nationality = 'SYR'",
            "course type and state",
                    "exists (select 1 from query.person_course pc where pc.agency_id = c.agency_id "
                            + "and pc.person_id = c.person_id and pc.course_type = 'INTEGRATION_GENERAL' "
                            + "and pc.state = 'ENROLLED')",
            "level, municipality, arrival",
                    "c.cefr_level >= 'B1' and c.municipality = '15085135' " + "and c.entry_date >= '2020-01-01'",
            "birth year, sorted", "c.date_of_birth >= '1990-01-01' and c.date_of_birth < '1991-01-01'");

    @Override
    public String name() {
        return "search";
    }

    @Override
    public Map<String, Object> run(BenchDatabase database) throws Exception {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("persons", PERSONS);
        try (BenchSystem system = new BenchSystem(database);
                HikariDataSource dataSource = database.dataSource(1)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            fill(jdbc);
            for (String query : QUERIES.keySet()) {
                Histogram api = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                Histogram raw = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
                String sql = "select c.person_id, c.family_name, c.given_names, c.date_of_birth, c.nationality, "
                        + "c.municipality, c.residence_status, c.benefit_regime from query.person_card c "
                        + "where c.agency_id = '" + AGENCY + "' and " + BASELINE.get(query)
                        + " order by c.family_name, c.person_id limit 50";
                String count = "select count(*) from query.person_card c where c.agency_id = '" + AGENCY + "' and "
                        + BASELINE.get(query);
                for (int round = 0; round < ROUNDS; round++) {
                    long start = System.nanoTime();
                    int status = system.queries()
                            .get("/api/v1/persons?" + QUERIES.get(query), "kim")
                            .status();
                    if (status != 200) {
                        throw new IllegalStateException("search answered HTTP " + status);
                    }
                    api.recordValue((System.nanoTime() - start) / 1000);
                    start = System.nanoTime();
                    jdbc.queryForObject(count, Long.class);
                    jdbc.queryForList(sql);
                    raw.recordValue((System.nanoTime() - start) / 1000);
                }
                results.put(query + ": hits", jdbc.queryForObject(count, Long.class));
                results.put(query + ": api p50/p99 ms", ms(api, 50) + " / " + ms(api, 99));
                results.put(query + ": raw SQL p50/p99 ms", ms(raw, 50) + " / " + ms(raw, 99));
            }
            results.put(
                    "plans",
                    Map.of(
                            "course type and state",
                            jdbc.queryForList(
                                    "explain (costs off) select * from "
                                            + "query.person_card c where c.agency_id = '" + AGENCY + "' and "
                                            + BASELINE.get("course type and state")
                                            + " order by c.family_name limit 50",
                                    String.class),
                            "name prefix",
                            jdbc.queryForList(
                                    "explain (costs off) select * from query.person_card c where "
                                            + "c.agency_id = '" + AGENCY + "' and " + BASELINE.get("name prefix")
                                            + " order by c.family_name limit 50",
                                    String.class)));
        }
        return results;
    }

    private static double ms(Histogram histogram, double percentile) {
        return Math.round(histogram.getValueAtPercentile(percentile) / 100.0) / 10.0;
    }

    /** One agency's cards and courses for {@value #PERSONS} synthetic persons, generated in the database. */
    private static void fill(JdbcTemplate jdbc) {
        jdbc.update("""
                insert into query.person_card (agency_id, person_id, family_name, given_names, date_of_birth, sex,
                                               nationality, entry_date, municipality, registered_on, residence_status,
                                               benefit_regime, cefr_level, version)
                select ?, md5('bench-search-' || n)::uuid,
                       (array['Such','Haddad','Karimi','Kovalenko','Mensah','Yilmaz','Popescu','Nazari'])[1 + n % 8]
                           || '-' || n,
                       'Testa', date '1950-01-01' + (n * 37 % 20000), 'FEMALE',
                       (array['SYR','AFG','UKR','TUR','IRQ','ERI','ROU','GHA'])[1 + n * 7 % 8],
                       date '2014-01-01' + (n * 13 % 4000),
                       (array['15085135','15085370','15085235','15085040'])[1 + n % 4],
                       date '2024-01-01', 'AE_25_2_REFUGEE',
                       (array['SGB_II','ASYLBLG','SGB_XII','NONE','SGB_III'])[1 + n * 3 % 5],
                       (array['A1','A2','B1','B2',null])[1 + n % 5], 0
                  from generate_series(1, ?) n""", AGENCY, PERSONS);
        jdbc.update("""
                insert into query.person_course (agency_id, person_id, enrolment_id, course_type, state)
                select ?, md5('bench-search-' || n)::uuid, md5('bench-course-' || n)::uuid,
                       (array['INTEGRATION_GENERAL','BERUFSSPRACHKURS_B2','INTEGRATION_WOMEN'])[1 + n % 3],
                       (array['ENROLLED','COMPLETED','DROPPED_OUT','INTERRUPTED'])[1 + n * 5 % 4]
                  from generate_series(1, ?) n where n % 2 = 0""", AGENCY, PERSONS);
        jdbc.execute("analyze query.person_card");
        jdbc.execute("analyze query.person_course");
    }
}
