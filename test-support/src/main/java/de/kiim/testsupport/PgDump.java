package de.kiim.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code pg_dump} of a whole database as text, as an operator's backup would hold it. */
public final class PgDump {

    private PgDump() {
    }

    public static String of(TestDatabase database) {
        PostgresServer server = database.server();
        List<String> command = List.of(executable().toString(), "--host", server.host(), "--port",
                Integer.toString(server.port()), "--username", server.user(), "--no-password", database.name());
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] dump = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump failed for " + server.source());
            }
            return new String(dump, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("pg_dump could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** pg_dump from the PATH, a Debian PostgreSQL installation, or the embedded PostgreSQL's binaries. */
    static Path executable() {
        List<Path> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(directory, "pg_dump"));
        }
        candidates.addAll(glob(Path.of("/usr/lib/postgresql"), "bin/pg_dump"));
        candidates.addAll(glob(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"), "bin/pg_dump"));
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pg_dump found"));
    }

    private static List<Path> glob(Path parent, String below) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(parent)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(parent)) {
                children.forEach(child -> found.add(child.resolve(below)));
            } catch (IOException e) {
                // nothing usable there
            }
        }
        return found;
    }
}
