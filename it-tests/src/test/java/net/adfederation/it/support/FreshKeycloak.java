package net.adfederation.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.adfederation.demo.KeycloakDistribution;

/**
 * A Keycloak of its own, installed as an admin would: the distribution zip unpacked afresh
 * under target/, our JAR in providers/, realm files imported with {@code kc.sh import} or
 * {@code --import-realm}, their placeholders coming from each process's environment. Nothing of
 * the test framework's shared server is involved. Closing it stops the server.
 */
public final class FreshKeycloak implements AutoCloseable {

    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(5);

    private final Path home;
    private final Path vault;
    private Process server;

    private FreshKeycloak(Path home) {
        this.home = home;
        this.vault = home.resolve("vault");
    }

    /** Deletes what an earlier run left in {@code dir}, unpacks the zip there and deploys the provider JAR. */
    public static FreshKeycloak install(Path zip, Path providerJar, Path dir) throws IOException {
        deleteTree(dir);
        KeycloakDistribution distribution = KeycloakDistribution.unpack(zip, dir);
        distribution.deployProvider(providerJar);
        return new FreshKeycloak(distribution.home());
    }

    /** Where the distribution is unpacked (kc-import.log and kc-server.log are written there). */
    public Path home() {
        return home;
    }

    /** Keycloak's file vault: one file per secret, named realm_key; import and start point Keycloak at it. */
    public void putInVault(String realm, String key, String secret) throws IOException {
        Files.createDirectories(vault);
        Files.writeString(vault.resolve(realm + "_" + key), secret);
    }

    /** What a command printed and how it ended. */
    public record CommandResult(int exitCode, String output) {
    }

    /** {@code kc.sh import --file} with the given environment, run to completion. */
    public CommandResult runImport(Path realmFile, Map<String, String> environment) throws IOException, InterruptedException {
        Path log = home.resolve("kc-import.log");
        // The vault too: the providers check their settings (and so read the vault) as the realm is imported.
        Process process = launch(List.of("import", "--file", realmFile.toString(), "--vault=file", "--vault-dir=" + vault),
                environment, log);
        if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kc.sh import did not finish in " + COMMAND_LIMIT + "; see " + log);
        }
        return new CommandResult(process.exitValue(), Files.readString(log));
    }

    /** {@code kc.sh import --file}, which must succeed. */
    public void importFile(Path realmFile, Map<String, String> environment) throws IOException, InterruptedException {
        CommandResult result = runImport(realmFile, environment);
        if (result.exitCode() != 0) {
            throw new AssertionError("kc.sh import failed (" + result.exitCode() + "):\n" + tail(result.output()));
        }
    }

    /** Puts a realm file into data/import/, where {@code --import-realm} picks it up. */
    public void addRealmImport(Path realmFile) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()));
    }

    /**
     * {@code kc.sh start --optimized --import-realm} over plain HTTP on the given ports, with the
     * vault and environment given; returns once the realm named answers, with the base URL.
     * Optimized: {@link #importFile} already built the server with our JAR (as {@code kc.sh build} would).
     */
    public String start(int httpPort, int managementPort, String awaitRealm, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(httpPort, managementPort, awaitRealm, environment, true);
    }

    /**
     * As {@link #start(int, int, String, Map)}; not optimized, {@code kc.sh start} builds the server
     * first (Keycloak before 26.4 takes {@code --vault} only at build time).
     */
    public String start(int httpPort, int managementPort, String awaitRealm, Map<String, String> environment, boolean optimized)
            throws IOException, InterruptedException {
        Path log = home.resolve("kc-server.log");
        List<String> arguments = new ArrayList<>(List.of("start", "--import-realm", "--http-enabled=true", "--hostname-strict=false",
                "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--vault=file", "--vault-dir=" + vault));
        if (optimized) arguments.add(1, "--optimized");
        server = launch(arguments, environment, log);
        String base = "http://localhost:" + httpPort;
        awaitAnswer(URI.create(base + "/realms/" + awaitRealm + "/.well-known/openid-configuration"), log);
        return base;
    }

    private Process launch(List<String> arguments, Map<String, String> environment, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the test sets: placeholders a developer's shell happens to export must not leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("AD_") || name.startsWith("ADFED_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void awaitAnswer(URI probe, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + COMMAND_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new AssertionError("Keycloak stopped while starting:\n" + tail(log));
            try {
                if (http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notListeningYet) {
                // still starting
            }
            // Polled: Keycloak gives no other signal that the import is done.
            Thread.sleep(500);
        }
        throw new AssertionError("Keycloak did not answer " + probe + " in " + COMMAND_LIMIT + ":\n" + tail(log));
    }

    @Override
    public void close() throws InterruptedException {
        if (server == null) return;
        server.toHandle().descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
    }

    private static String tail(Path log) {
        try {
            return tail(Files.readString(log));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
