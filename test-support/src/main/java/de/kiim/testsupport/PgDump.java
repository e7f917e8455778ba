package de.kiim.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code pg_dump} of a whole database as text, as an operator's backup would hold it, and restores one. */
public final class PgDump {

    private PgDump() {}

    public static String of(TestDatabase database) {
        PostgresServer server = database.server();
        List<String> command = List.of(
                executable("pg_dump").toString(),
                "--host",
                server.host(),
                "--port",
                Integer.toString(server.port()),
                "--username",
                server.user(),
                "--no-password",
                database.name());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
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

    /** Restores a plain {@link #of dump} into an empty database with {@code psql}, stopping at the first error. */
    public static void restore(String dump, TestDatabase into) {
        PostgresServer server = into.server();
        List<String> command = List.of(
                executable("psql").toString(),
                "--host",
                server.host(),
                "--port",
                Integer.toString(server.port()),
                "--username",
                server.user(),
                "--no-password",
                "--quiet",
                "--set",
                "ON_ERROR_STOP=1",
                "--dbname",
                into.name(),
                "--file",
                "-");
        try {
            Path errors = Files.createTempFile("kiim-restore", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(dump.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("psql could not restore the dump: " + Files.readString(errors));
            }
            Files.delete(errors);
        } catch (IOException e) {
            throw new IllegalStateException("psql could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A PostgreSQL client from the PATH, a Debian PostgreSQL installation, or the embedded PostgreSQL's binaries. */
    static Path executable(String name) {
        List<Path> candidates = new ArrayList<>();
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(directory, name));
        }
        candidates.addAll(glob(Path.of("/usr/lib/postgresql"), "bin/" + name));
        candidates.addAll(glob(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg"), "bin/" + name));
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " found"));
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
