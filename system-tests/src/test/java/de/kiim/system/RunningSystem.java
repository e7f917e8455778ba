package de.kiim.system;

import de.kiim.command.CommandServiceApplication;
import de.kiim.query.QueryServiceApplication;
import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.OidcClient;
import de.kiim.testsupport.ServiceProcess;
import de.kiim.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
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

    /** The embedded identity provider, a process of its own (its jar is an authorization server, no service's). */
    final ServiceProcess identity;
    /** A demo user's access token, signed in at the identity provider as the web UI does it. */
    final Function<String, String> tokens;

    final ConfigurableApplicationContext commandService;
    final ConfigurableApplicationContext queryService;
    final ApiClient commands;
    final ApiClient queries;

    private RunningSystem() {
        identity = startIdentity();
        String issuer = "http://localhost:" + identity.port;
        tokens = OidcClient.demoUserTokens(issuer, "kiim-web", "demo", "http://localhost:8080/login/oauth2/code/kiim");
        commandService = start(CommandServiceApplication.class, issuer);
        queryService = start(QueryServiceApplication.class, issuer);
        commands = ApiClient.onPort(port(commandService));
        queries = ApiClient.onPort(port(queryService));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            queryService.close();
            commandService.close();
            try {
                identity.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    static synchronized RunningSystem instance() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    /** On this run's database, its issuer the URL it is reached at, its signing key in a file of this run. */
    private static ServiceProcess startIdentity() {
        try {
            Path keys = Files.createTempDirectory("kiim-identity");
            return ServiceProcess.start(
                    "identity",
                    "system-test-identity",
                    TestDatabase.instance(),
                    keys.resolve("unused-kek"),
                    "--kiim.identity.issuer=",
                    "--kiim.identity.signing-key-file=" + keys.resolve("signing-key.jwk"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application, String issuer) {
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
                        "--kiim.erasure.poll-interval=PT1S",
                        "--kiim.security.jwt.issuer-uri=" + issuer);
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
