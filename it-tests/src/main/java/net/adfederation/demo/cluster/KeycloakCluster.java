package net.adfederation.demo.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import net.adfederation.demo.KeycloakDistribution;

/**
 * Keycloak as production runs it, on one machine: the distribution with our JAR, built once with
 * {@code kc.sh build --db=postgres --cache=ispn} (the jdbc-ping stack: nodes find each other
 * through the database) and copied for each further node, every node started with
 * {@code kc.sh start --optimized} on its own loopback ports against one PostgreSQL database,
 * all of them known to the outside by one public address (a load balancer's).
 */
public final class KeycloakCluster implements AutoCloseable {

    /**
     * Build-time options: the database, the cluster's cache stack, what the nodes report on their
     * management port, and the file vault (its directory is given at start).
     */
    public static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--cache=ispn", "--cache-stack=jdbc-ping",
            "--health-enabled=true", "--metrics-enabled=true", "--vault=file");

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);
    private static final String STAMP = ".adfed-build";

    private final List<ClusterNode> nodes;

    private KeycloakCluster(List<ClusterNode> nodes) {
        this.nodes = nodes;
    }

    /**
     * Installs one node per entry of {@code ports} under {@code dir} (node-a, node-b, ...): the zip
     * unpacked, the provider JAR in providers/, {@code kc.sh build} run once and the result copied.
     * An earlier installation built from the same JAR with the same options is reused as it is.
     */
    public static KeycloakCluster install(Path zip, Path providerJar, Path dir, List<NodePorts> ports)
            throws IOException, InterruptedException {
        dir = dir.toAbsolutePath().normalize();
        String stamp = stamp(providerJar);
        List<Path> homes = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) homes.add(home(zip, dir.resolve(nodeName(i))));
        boolean reusable = homes.stream().allMatch(home -> stamp.equals(read(home.resolve(STAMP))));
        if (reusable) {
            // What an earlier run left (its realm imports, a killed node's transaction log) is not this run's.
            for (Path home : homes) deleteTree(home.resolve("data"));
        } else {
            deleteTree(dir);
            KeycloakDistribution first = KeycloakDistribution.unpack(zip, dir.resolve(nodeName(0)));
            first.deployProvider(providerJar);
            build(first.home());
            Files.writeString(first.home().resolve(STAMP), stamp);
            for (int i = 1; i < ports.size(); i++) copyTree(first.home(), homes.get(i));
        }
        List<ClusterNode> nodes = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) nodes.add(new ClusterNode(nodeName(i), homes.get(i), ports.get(i)));
        return new KeycloakCluster(nodes);
    }

    public List<ClusterNode> nodes() {
        return nodes;
    }

    public ClusterNode node(int index) {
        return nodes.get(index);
    }

    /**
     * Starts the first node against {@code database}, then the others at once once it is ready, each
     * with {@code options} after its own ports, and returns when all are ready. {@code publicUrl} is the {@code hostname} of every node:
     * tokens, cookies and links name it whichever node served them, as behind a load balancer.
     */
    public void start(PostgresDatabase database, String publicUrl, List<String> options, Map<String, String> environment,
                      Duration limit) throws IOException, InterruptedException {
        List<String> all = allOptions(database, publicUrl, options);
        Map<String, String> env = environment(database, environment);
        // The first node migrates the database alone: nodes creating the schema of an empty database at
        // once race for Liquibase's changelog table, and the loser stops ("databasechangelog already exists").
        nodes.get(0).start(all, env);
        nodes.get(0).awaitReady(limit);
        List<ClusterNode> others = nodes.subList(1, nodes.size());
        for (ClusterNode node : others) node.start(all, env);
        for (ClusterNode node : others) node.awaitReady(limit);
    }

    /**
     * Stops every node, then starts them all at the same moment on a database that already has
     * Keycloak's schema (an upgrade's restart): whatever each node does at start-up runs on all at once.
     */
    public void restartAllAtOnce(PostgresDatabase database, String publicUrl, List<String> options, Map<String, String> environment,
                                 Duration limit) throws IOException, InterruptedException {
        close();
        List<String> all = allOptions(database, publicUrl, options);
        Map<String, String> env = environment(database, environment);
        for (ClusterNode node : nodes) node.start(all, env);
        for (ClusterNode node : nodes) node.awaitReady(limit);
    }

    private static List<String> allOptions(PostgresDatabase database, String publicUrl, List<String> options) {
        List<String> all = new ArrayList<>(List.of("--db-url=" + database.jdbcUrl(), "--db-username=" + database.user(),
                "--hostname=" + publicUrl));
        all.addAll(options);
        return all;
    }

    private static Map<String, String> environment(PostgresDatabase database, Map<String, String> environment) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("KC_DB_PASSWORD", database.password());
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        // JGroups on IPv4 loopback, after the JVM options the caller or this process's environment gives (krb5.conf).
        String inherited = env.getOrDefault("JAVA_OPTS_APPEND", Objects.requireNonNullElse(System.getenv("JAVA_OPTS_APPEND"), ""));
        env.put("JAVA_OPTS_APPEND", (inherited + " -Djava.net.preferIPv4Stack=true").trim());
        return env;
    }

    /** Stops every node still running. */
    @Override
    public void close() throws InterruptedException {
        for (ClusterNode node : nodes) node.close();
    }

    private static String nodeName(int index) {
        return "node-" + (char) ('a' + index);
    }

    /** Where the zip's top directory lands under {@code nodeDir}, without unpacking it. */
    private static Path home(Path zip, Path nodeDir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry first = in.getNextEntry();
            if (first == null) throw new IOException("empty Keycloak distribution: " + zip);
            return nodeDir.resolve(Path.of(first.getName()).getName(0).toString());
        }
    }

    private static void build(Path home) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        Path log = home.resolveSibling("build.log");
        Process build = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            build.destroyForcibly();
            throw new IllegalStateException("kc.sh build did not finish within " + BUILD_LIMIT + "; see " + log);
        }
        if (build.exitValue() != 0) throw new IllegalStateException("kc.sh build failed; see " + log + ":\n" + Files.readString(log));
    }

    /**
     * What decides whether a built installation can be reused: the provider JAR's entries (names and
     * CRCs, so a rebuild of the same classes matches) and the build options.
     */
    private static String stamp(Path providerJar) throws IOException {
        try (ZipFile jar = new ZipFile(providerJar.toFile())) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            jar.stream().sorted(Comparator.comparing(ZipEntry::getName))
                    .forEach(e -> sha.update((e.getName() + ":" + e.getCrc() + "\n").getBytes(StandardCharsets.UTF_8)));
            sha.update(String.join(" ", BUILD_OPTIONS).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
            }
        }
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
