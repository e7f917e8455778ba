package de.kiim.system;

import de.kiim.command.CommandServiceApplication;
import de.kiim.query.QueryServiceApplication;
import de.kiim.testsupport.ApiClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Both services, started as they run in production (own Spring contexts, real HTTP ports), on this test run's
 * database. Started once per JVM and shared by the system tests.
 */
final class RunningSystem {

    /** Where the local profile keeps (and on first start creates) the KEK: relative to the module directory. */
    static final String KEK_FILE = ".kiim/kek";

    /** Both services' log output. */
    static final String LOG_FILE = "target/system-test-services.log";

    private static RunningSystem instance;

    final ConfigurableApplicationContext commandService;
    final ConfigurableApplicationContext queryService;
    final ApiClient commands;
    final ApiClient queries;

    private RunningSystem() {
        commandService = start(CommandServiceApplication.class);
        queryService = start(QueryServiceApplication.class);
        commands = ApiClient.onPort(port(commandService));
        queries = ApiClient.onPort(port(queryService));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            queryService.close();
            commandService.close();
        }));
    }

    static synchronized RunningSystem instance() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    private static ConfigurableApplicationContext start(Class<?> application) {
        return builderOf(application)
                .profiles("local")
                // Command-line arguments, because they outrank the services' own configuration. Logs go to a file as
                // well, at
                // DEBUG for our own code, so tests can prove they hold no personal data.
                .run(
                        "--server.port=0",
                        "--logging.structured.format.console=",
                        "--logging.file.name=" + LOG_FILE,
                        "--logging.level.de.kiim=DEBUG",
                        "--kiim.erasure.poll-interval=PT1S");
    }

    /** The service's own builder, so it reads its own configuration file. */
    static SpringApplicationBuilder builderOf(Class<?> service) {
        if (service == CommandServiceApplication.class) {
            return CommandServiceApplication.builder();
        }
        if (service == QueryServiceApplication.class) {
            return QueryServiceApplication.builder();
        }
        throw new IllegalArgumentException(service.getName());
    }

    static String randomKek() {
        byte[] kek = new byte[32];
        new java.security.SecureRandom().nextBytes(kek);
        return java.util.Base64.getEncoder().encodeToString(kek);
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
