package net.adfederation.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import net.adfederation.demo.cluster.ClusterNode;
import net.adfederation.demo.cluster.KeycloakCluster;
import net.adfederation.demo.cluster.NodePorts;
import net.adfederation.demo.cluster.PostgresDatabase;
import net.adfederation.demo.cluster.TcpBalancer;
import net.adfederation.embeddedad.EmbeddedForests;

/**
 * {@code ./demo.sh --cluster}: the demo's forests, realms and application on two Keycloak nodes run
 * as production runs them (PostgreSQL, {@code kc.sh build} then {@code kc.sh start --optimized},
 * Infinispan finding the other node through the database), behind a load balancer on
 * localhost:8080 that sends each new connection to the next node. Node A imports the realm files
 * at its start; the database ({@value #DATABASE}) is made afresh at every start.
 */
final class ClusterDemo implements AutoCloseable {

    static final String DATABASE = "adfed_demo";
    private static final List<NodePorts> NODES = List.of(new NodePorts(8081, 9001, 7800), new NodePorts(8082, 9002, 7801));
    private static final Duration START_LIMIT = Duration.ofMinutes(10);

    private final EmbeddedForests forests;
    private final KeycloakCluster cluster;
    private final TcpBalancer balancer;
    private DemoApp app;

    private ClusterDemo(EmbeddedForests forests, KeycloakCluster cluster, TcpBalancer balancer) {
        this.forests = forests;
        this.cluster = cluster;
        this.balancer = balancer;
    }

    static void main(String[] args) throws Exception {
        Optional<String> missing = PostgresDatabase.unavailable();
        if (missing.isPresent()) {
            System.err.println("\n./demo.sh --cluster needs PostgreSQL, and it cannot be reached: " + missing.get()
                    + ".\nTo get it: " + PostgresDatabase.HOW_TO_START + ".\n");
            System.exit(2);
        }
        long started = System.nanoTime();
        DemoPorts ports = DemoPorts.fromSystemProperties();
        ClusterDemo demo = start(ports, Path.of(System.getProperty("adfed.keycloakDist")), Path.of(System.getProperty("adfed.providerJar")),
                Path.of(System.getProperty("adfed.realmConfigDir")), Path.of(System.getProperty("adfed.demoDir")).resolve("cluster"));
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        String trustSync = new DemoAdminApi(ports.keycloakUrl()).fullSync(Demo.TRUST.name());
        System.out.println(Demo.banner("keycloak-ad-federation demo, two Keycloak nodes: ready in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s", demo.clusterLines(ports), ports, demo.forests, trustSync));
        new CountDownLatch(1).await(); // until Ctrl-C
    }

    private static ClusterDemo start(DemoPorts ports, Path dist, Path providerJar, Path realmConfigDir, Path dir) throws Exception {
        EmbeddedForests forests = Demo.startForests(ports);
        ClusterDemo demo = null;
        try {
            KeycloakCluster cluster = KeycloakCluster.install(dist, providerJar, dir, NODES);
            TcpBalancer balancer = TcpBalancer.start("127.0.0.1", ports.keycloakHttp(),
                    NODES.stream().map(n -> new TcpBalancer.Backend("127.0.0.1", n.http())).toList());
            demo = new ClusterDemo(forests, cluster, balancer);
            Map<String, String> labels = new LinkedHashMap<>();
            for (Demo.DemoRealm realm : List.of(Demo.CONNECTOR, Demo.TRUST)) {
                cluster.node(0).importAtStart(realmConfigDir.resolve(realm.file()));
                labels.put(realm.name(), realm.label());
            }
            System.out.println("Starting two Keycloak nodes on PostgreSQL database " + DATABASE + " (logs in " + dir + ") ...");
            cluster.start(PostgresDatabase.fresh(DATABASE), ports.keycloakUrl(), List.of("--import-realm"),
                    Demo.realmEnvironment(ports, forests), START_LIMIT);
            demo.app = new DemoApp(ports.keycloakUrl(), ports.application(), labels);
            demo.app.start();
            return demo;
        } catch (Exception | Error e) {
            if (demo != null) demo.close();
            else forests.close();
            throw e;
        }
    }

    /** The banner's lines about the balancer, the nodes and what joins them. */
    private String clusterLines(DemoPorts ports) {
        StringBuilder b = new StringBuilder(" Load balancer      ").append(ports.keycloakUrl())
                .append("   (each new connection to the next node; the hostname of both)\n");
        for (ClusterNode node : cluster.nodes()) {
            b.append(String.format(" %-18s %s   ready: http://localhost:%d/health/ready   metrics: /metrics   log: %s%n",
                    "Keycloak " + node.name(), node.url(), node.ports().management(), node.log()));
        }
        return b.append(" Database           PostgreSQL ").append(DATABASE)
                .append(" on 127.0.0.1:5432 (made afresh at every start)\n")
                .append(" Cluster            Infinispan over JGroups on 127.0.0.1:").append(NODES.get(0).jgroups())
                .append(" and :").append(NODES.get(1).jgroups()).append(", nodes found through the database (jdbc-ping)\n").toString();
    }

    @Override
    public void close() {
        if (app != null) app.stop();
        balancer.close();
        try {
            cluster.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forests.close();
    }
}
