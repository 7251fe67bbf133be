package net.adfederation.it.support;

import net.adfederation.embeddedad.SambaRequirement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.adfederation.demo.cluster.ClusterNode;
import net.adfederation.demo.cluster.KeycloakCluster;
import net.adfederation.demo.cluster.NodePorts;
import net.adfederation.demo.cluster.PostgresDatabase;
import net.adfederation.demo.cluster.TcpBalancer;
import org.keycloak.admin.client.Keycloak;

/**
 * Two Keycloak nodes with our JAR, clustered as production runs them: one build
 * ({@code kc.sh build --db=postgres}), {@code kc.sh start --optimized} on loopback ports of their
 * own, a fresh PostgreSQL database, Infinispan finding the other node through that database
 * (jdbc-ping). In front, a TCP load balancer at {@link #publicUrl()}, every node's hostname, that a
 * test sends browsers through to the node it chooses. Nodes share the tests' file vault and the
 * Samba CAs, as the suite's own Keycloak does.
 */
public final class TwoNodeCluster implements AutoCloseable {

    public static final int A = 0;
    public static final int B = 1;
    private static final int BALANCER_PORT = 8380;
    private static final List<NodePorts> PORTS = List.of(new NodePorts(8381, 9381, 7881), new NodePorts(8382, 9382, 7882));
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    private final KeycloakCluster cluster;
    private final TcpBalancer balancer;
    private final List<Keycloak> admins = new ArrayList<>();
    private PostgresDatabase database;
    private List<String> options;

    private TwoNodeCluster(KeycloakCluster cluster, TcpBalancer balancer) {
        this.cluster = cluster;
        this.balancer = balancer;
    }

    /** Skips the calling class (or fails it where real components are required) when PostgreSQL is not there. */
    public static void assumePostgres() {
        var missing = PostgresDatabase.unavailable();
        SambaRequirement.here().require(missing.isEmpty(), missing.orElse(""), PostgresDatabase.HOW_TO_START);
    }

    /** Installs (or reuses an unchanged build), starts both nodes on a fresh database and waits until both are ready. */
    public static TwoNodeCluster start() throws Exception {
        assumePostgres();
        PostgresDatabase database = PostgresDatabase.fresh("adfed_cluster_test");
        KeycloakCluster cluster = KeycloakCluster.install(path("adfed.keycloakDist"), path("adfed.providerJar"),
                path("adfed.clusterDir"), PORTS);
        TcpBalancer balancer = TcpBalancer.start("127.0.0.1", BALANCER_PORT,
                PORTS.stream().map(p -> new TcpBalancer.Backend("127.0.0.1", p.http())).toList());
        TwoNodeCluster pair = new TwoNodeCluster(cluster, balancer);
        try {
            List<String> options = new ArrayList<>(List.of("--vault-dir=" + AdFederationServerConfig.vaultDir()));
            String samba = AdFederationServerConfig.sambaCaFiles();
            if (!samba.isEmpty()) options.add("--truststore-paths=" + samba);
            cluster.start(database, pair.publicUrl(), options, Map.of(), START_LIMIT);
            pair.database = database;
            pair.options = options;
            return pair;
        } catch (Exception | Error e) {
            pair.close();
            throw e;
        }
    }

    /** Stops both nodes and starts them again at the same moment, as an upgrade's restart of the cluster; admin clients are made anew. */
    public void restartBothAtOnce() throws Exception {
        admins.stream().filter(java.util.Objects::nonNull).forEach(Keycloak::close);
        admins.clear();
        cluster.restartAllAtOnce(database, publicUrl(), options, Map.of(), START_LIMIT);
    }

    /** The cluster's database, for what a test reads or writes beside Keycloak. */
    public PostgresDatabase database() {
        return database;
    }

    /** The balancer's address: every node's hostname, so tokens and cookies from one node are good on the other. */
    public String publicUrl() {
        return "http://localhost:" + BALANCER_PORT;
    }

    public ClusterNode node(int index) {
        return cluster.node(index);
    }

    /** An admin client talking to one node directly. */
    public synchronized Keycloak admin(int index) {
        while (admins.size() <= index) admins.add(null);
        if (admins.get(index) == null) {
            admins.set(index, Keycloak.getInstance(node(index).url(), "master", "admin", "admin", "admin-cli"));
        }
        return admins.get(index);
    }

    /** From now on the balancer sends browsers to this node only (their open connections are dropped). */
    public void sendBrowsersTo(int index) {
        balancer.pinTo(index);
    }

    /** Connections the balancer has sent to a node so far. */
    public int browserConnectionsTo(int index) {
        return balancer.connectionsTo(index);
    }

    @Override
    public void close() throws InterruptedException {
        admins.stream().filter(java.util.Objects::nonNull).forEach(Keycloak::close);
        balancer.close();
        cluster.close();
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null) throw new IllegalStateException("system property " + property + " is not set (it-tests/pom.xml sets it)");
        return Path.of(value).toAbsolutePath().normalize();
    }
}
