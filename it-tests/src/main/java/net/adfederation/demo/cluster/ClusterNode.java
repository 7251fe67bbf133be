package net.adfederation.demo.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Keycloak node of a {@link KeycloakCluster}: its own installation directory (built once for
 * all nodes), started with {@code kc.sh start --optimized} on its own loopback ports, its output
 * in {@code <name>.log} beside that directory. It can be stopped gracefully or killed outright.
 */
public final class ClusterNode implements AutoCloseable {

    private final String name;
    private final Path home;
    private final NodePorts ports;
    private final Path log;
    private Process process;

    ClusterNode(String name, Path home, NodePorts ports) {
        this.name = name;
        this.home = home;
        this.ports = ports;
        this.log = home.resolveSibling(name + ".log");
    }

    public String name() {
        return name;
    }

    public NodePorts ports() {
        return ports;
    }

    /** The node's own address (its pages link to the cluster's public address, the {@code hostname} option). */
    public String url() {
        return "http://localhost:" + ports.http();
    }

    public Path log() {
        return log;
    }

    /** The node's output so far. */
    public List<String> logLines() {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Puts a realm file into this node's data/import/, which {@code --import-realm} reads at start. */
    public void importAtStart(Path realmFile) throws IOException {
        Path importDir = Files.createDirectories(home.resolve("data/import"));
        Files.copy(realmFile, importDir.resolve(realmFile.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    void start(List<String> options, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1",
                "--http-port=" + ports.http(), "--http-management-port=" + ports.management(),
                // Cluster traffic on loopback too, each node on its own JGroups port (FD_SOCK2 takes that port + 50000).
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + ports.jgroups()));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the caller sets: realm-file placeholders a developer's shell happens to export must not leak in.
        builder.environment().keySet().removeIf(key -> key.startsWith("AD_") || key.startsWith("ADFED_"));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the management interface reports the node ready (database and caches up). */
    public void awaitReady(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.management() + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) throw new IllegalStateException(name + " stopped while starting:\n" + tail());
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + limit + ":\n" + tail());
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crashed machine or the OOM killer would: no shutdown hook, no leaving the cluster politely. */
    public void kill() throws InterruptedException {
        if (process == null) return;
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
    }

    /** A graceful stop (SIGTERM, which kc.sh passes on to the server). */
    @Override
    public void close() throws InterruptedException {
        if (!isAlive()) return;
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) kill();
    }

    /** The last lines of the node's output, for error messages. */
    public String tail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
