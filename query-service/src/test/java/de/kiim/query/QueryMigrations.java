package de.kiim.query;

import de.kiim.testsupport.TestDatabase;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The query service's migrations on a database of their own, up to a version, for upgrade tests. */
final class QueryMigrations {

    private QueryMigrations() {}

    static DataSource freshDatabase() {
        TestDatabase database = TestDatabase.another();
        return new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
    }

    static void migrate(DataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/query")
                .schemas("query")
                .createSchemas(true)
                .target(target)
                .load()
                .migrate();
    }
}
