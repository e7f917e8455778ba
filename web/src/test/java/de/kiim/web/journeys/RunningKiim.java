package de.kiim.web.journeys;

import de.kiim.testsupport.ApiClient;
import de.kiim.testsupport.ServiceProcess;
import de.kiim.testsupport.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The whole system as a browser meets it, every part a process of its own from its runnable jar: the identity
 * provider, both services and the web UI, on this test run's database. Started once per JVM.
 */
final class RunningKiim {

    private static RunningKiim instance;

    final ServiceProcess identity;
    final ServiceProcess commands;
    final ServiceProcess queries;
    final ServiceProcess web;
    /** The web UI's address, as a user types it. */
    final String webUrl;

    private RunningKiim() throws IOException {
        TestDatabase database = TestDatabase.instance();
        Path secrets = Files.createTempDirectory("kiim-web-journeys");
        Path kek = secrets.resolve("kek");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(kek, Base64.getEncoder().encodeToString(key));
        // The web UI's port first: the identity provider registers its redirect and post-logout addresses.
        int webPort = ServiceProcess.freePort();
        webUrl = "http://localhost:" + webPort;
        identity = ServiceProcess.start(
                "identity",
                "journey-identity",
                database,
                kek,
                "--kiim.identity.issuer=",
                "--kiim.identity.signing-key-file=" + secrets.resolve("signing-key.jwk"),
                "--kiim.identity.web.redirect-uris=" + webUrl + "/login/oauth2/code/kiim",
                "--kiim.identity.web.post-logout-redirect-uris=" + webUrl + "/");
        String issuer = "http://localhost:" + identity.port;
        commands = ServiceProcess.start(
                "command-service", "journey-command", database, kek, "--kiim.security.jwt.issuer-uri=" + issuer);
        queries = ServiceProcess.start(
                "query-service",
                "journey-query",
                database,
                kek,
                "--kiim.security.jwt.issuer-uri=" + issuer,
                "--kiim.erasure.poll-interval=PT1S");
        web = ServiceProcess.startOnPort(
                "web",
                "journey-web",
                webPort,
                "--spring.security.oauth2.client.provider.kiim.issuer-uri=" + issuer,
                "--kiim.web.command-url=http://localhost:" + commands.port,
                "--kiim.web.query-url=http://localhost:" + queries.port);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
    }

    static synchronized RunningKiim instance() {
        if (instance == null) {
            try {
                instance = new RunningKiim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The command API as the demo agencies' users call it (HTTP Basic, local profile), to prepare a journey. */
    ApiClient commandApi() {
        return commands.api;
    }

    /**
     * Registers a synthetic person as the foreigners' authority and answers the id; the other fields are fixed,
     * {@code sex} and {@code entryDate} vary where a journey needs them to.
     */
    String register(String familyName, String givenNames, String sex, String entryDate) {
        var registered = commands.api.post(
                "/api/v1/persons",
                "abh",
                ApiClient.json(java.util.Map.of(
                        "familyName", familyName,
                        "givenNames", givenNames,
                        "dateOfBirth", "1950-02-03",
                        "sex", sex,
                        "nationality", "UA",
                        "entryDate", entryDate,
                        "municipality", "15085135")));
        if (registered.status() != 201) {
            throw new IllegalStateException("registration refused: " + registered.body());
        }
        return registered.json().path("personId").asText();
    }

    ApiClient queryApi() {
        return queries.api;
    }

    private void stop() {
        for (ServiceProcess process : new ServiceProcess[] {web, queries, commands, identity}) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
