package net.adfederation.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import net.adfederation.embeddedad.EmbeddedActiveDirectory;
import net.adfederation.embeddedad.EmbeddedForests;
import net.adfederation.embeddedad.TrustDirection;

/**
 * The demo behind ./demo.sh: the embedded forests CORP and PARTNER (a two-way trust), then
 * Keycloak 26.7.0 with our JAR importing both realm files, realm {@code corp} (ad-connector on CORP)
 * and realm {@code corp-trust} (ad-trust over CORP and PARTNER, fully synchronised once at start),
 * the demo application (client demo-app), then the URLs and demo credentials. Set AD_SERVER_URLS
 * (and AD_BIND_DN, AD_BIND_CREDENTIAL) to point realm {@code corp} at a real AD instead; trust mode
 * is then left out, since it needs that AD's trusts. Where a KDC and keytab are present
 * ({@link DemoKerberos}), the realms' Kerberos step is on and the banner says how to try it.
 */
public final class Demo implements AutoCloseable {

    /** A realm the demo imports from realm-config/, with the label its demo application shows. */
    record DemoRealm(String name, String file, String label) {
    }

    static final DemoRealm CONNECTOR = new DemoRealm("corp", "corp-connector.json",
            "corp: connector mode (ad-connector, CORP read live)");
    static final DemoRealm TRUST = new DemoRealm("corp-trust", "corp-trust.json",
            "corp-trust: trust mode (ad-trust, CORP and PARTNER, synchronised)");

    private final DemoPorts ports;
    private final EmbeddedForests forests;
    private final Process keycloak;
    private final DemoApp app;
    private final Optional<DemoKerberos> kerberos;
    private String trustSync = "";

    private Demo(DemoPorts ports, EmbeddedForests forests, Process keycloak, DemoApp app, Optional<DemoKerberos> kerberos) {
        this.ports = ports;
        this.forests = forests;
        this.keycloak = keycloak;
        this.app = app;
        this.kerberos = kerberos;
    }

    /** Desktop SSO, where the demo found a KDC and keytab ({@link DemoKerberos}). */
    public Optional<DemoKerberos> kerberos() {
        return kerberos;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--cluster")) {
            ClusterDemo.main(args);
            return;
        }
        long started = System.nanoTime();
        Demo demo = start(DemoPorts.fromSystemProperties(), Path.of(System.getProperty("adfed.keycloakDist")),
                Path.of(System.getProperty("adfed.providerJar")), Path.of(System.getProperty("adfed.realmConfigDir")),
                Path.of(System.getProperty("adfed.demoDir")), System.getenv("AD_SERVER_URLS"),
                phase -> System.out.println("[demo] " + phase));
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        System.out.println(demo.banner(Duration.ofNanos(System.nanoTime() - started)));
        demo.keycloak.waitFor();
    }

    /**
     * Starts everything and returns once Keycloak answers for every realm (and trust mode's first
     * full sync is done). {@code realAdUrls}: a real AD for realm corp, or null for the embedded forests.
     * {@code progress} hears one line as each phase begins, so a slow first start is not mistaken for a hang.
     */
    public static Demo start(DemoPorts ports, Path dist, Path providerJar, Path realmConfigDir, Path demoDir,
                             String realAdUrls, Consumer<String> progress) throws Exception {
        return start(ports, dist, providerJar, realmConfigDir, demoDir, realAdUrls,
                DemoKerberos.detect(System.getenv(), realAdUrls == null), progress);
    }

    /** As above, with desktop SSO on where {@code kerberos} is given. */
    public static Demo start(DemoPorts ports, Path dist, Path providerJar, Path realmConfigDir, Path demoDir,
                             String realAdUrls, Optional<DemoKerberos> kerberos, Consumer<String> progress) throws Exception {
        demoDir = demoDir.toAbsolutePath().normalize();
        progress.accept(realAdUrls == null
                ? "starting the embedded Active Directory: forests CORP and PARTNER with a two-way trust"
                : "using the Active Directory at " + realAdUrls + " for realm corp (no trust mode: it needs that AD's trusts)");
        EmbeddedForests forests = realAdUrls == null ? startForests(ports) : null;
        List<DemoRealm> realms = forests == null ? List.of(CONNECTOR) : List.of(CONNECTOR, TRUST);
        List<String> realmNames = realms.stream().map(DemoRealm::name).toList();
        progress.accept("preparing Keycloak in " + demoDir + " (unpacked from " + dist.getFileName()
                + " on the first start) with our JAR and realms " + String.join(", ", realmNames));
        KeycloakDistribution distribution = KeycloakDistribution.unpack(dist, demoDir);
        distribution.deployProvider(providerJar);
        Map<String, String> appRealms = new LinkedHashMap<>();
        for (DemoRealm realm : realms) {
            distribution.addRealmImport(realmConfigDir.resolve(realm.file()));
            appRealms.put(realm.name(), realm.label());
        }
        progress.accept("starting Keycloak on " + ports.keycloakUrl() + ", importing " + String.join(", ", realmNames)
                + " (about a minute; its log: " + demoDir.resolve("keycloak.log") + ")"
                + kerberos.map(k -> ", desktop SSO on with the keytab " + k.keytab()).orElse(""));
        Process keycloak = startKeycloak(distribution.home(), demoDir.resolve("keycloak.log"), ports, forests, kerberos);
        DemoApp app = new DemoApp(ports.keycloakUrl(), ports.application(), appRealms);
        Demo demo = new Demo(ports, forests, keycloak, app, kerberos);
        try {
            app.start();
            for (DemoRealm realm : realms) waitUntilReady(keycloak, ports, realm.name(), demoDir.resolve("keycloak.log"));
            if (forests != null) {
                progress.accept("first full sync of realm " + TRUST.name() + " from CORP and PARTNER");
                demo.trustSync = new DemoAdminApi(ports.keycloakUrl()).fullSync(TRUST.name());
            }
            return demo;
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    static EmbeddedForests startForests(DemoPorts ports) throws Exception {
        return EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL,
                EmbeddedActiveDirectory.builder().ldapPort(ports.corpLdap()),
                EmbeddedActiveDirectory.builder().ldapPort(ports.partnerLdap()));
    }

    private static Process startKeycloak(Path home, Path log, DemoPorts ports, EmbeddedForests forests,
                                         Optional<DemoKerberos> kerberos) throws IOException {
        List<String> command = new ArrayList<>(List.of("bin/kc.sh", "start-dev", "--import-realm",
                "--http-port=" + ports.keycloakHttp(), "--http-management-port=" + ports.keycloakManagement()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.putAll(realmEnvironment(ports, forests));
        kerberos.ifPresent(k -> env.putAll(k.environment(env.get("JAVA_OPTS_APPEND"))));
        return pb.start();
    }

    /** Values for the realm files' placeholders: the demo application, and the embedded forests when they run. */
    static Map<String, String> realmEnvironment(DemoPorts ports, EmbeddedForests forests) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ADFED_DEMO_APP_URL", ports.applicationUrl());
        if (forests != null) {
            // The embedded DCs listen on loopback only; a plain-LDAP bind is acceptable there, nowhere else.
            env.put("AD_SERVER_URLS", forests.corp().ldapUrl());
            env.put("AD_ALLOW_INSECURE_BIND", "true");
            env.put("AD_BIND_DN", "svc-keycloak@corp.example.test");
            env.put("AD_BIND_CREDENTIAL", "Passw0rd!Svc1");
            // Trust mode: PARTNER's DC is not in DNS, and the embedded AD cannot do Kerberos across the trust.
            env.put("AD_DOMAIN_CONTROLLERS", "partner.example.test=" + forests.partner().ldapUrl());
            env.put("AD_CROSS_FOREST_LOGIN", "simple");
        }
        return env;
    }

    private static void waitUntilReady(Process server, DemoPorts ports, String realm, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(
                URI.create(ports.keycloakUrl() + "/realms/" + realm + "/.well-known/openid-configuration")).build();
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) throw new IllegalStateException("Keycloak stopped during start-up; see " + log);
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer for realm " + realm + " within 5 minutes; see " + log);
    }

    /** The URLs and demo credentials, as ./demo.sh prints them. */
    public String banner(Duration startUp) {
        return banner("keycloak-ad-federation demo: ready in " + startUp.toSeconds() + " s", "", ports, forests, trustSync,
                kerberos);
    }

    /** The banner under a title, with lines about the servers (a cluster's nodes) first. */
    static String banner(String title, String servers, DemoPorts ports, EmbeddedForests forests, String trustSync) {
        return banner(title, servers, ports, forests, trustSync, Optional.empty());
    }

    private static String banner(String title, String servers, DemoPorts ports, EmbeddedForests forests, String trustSync,
                                 Optional<DemoKerberos> kerberos) {
        String kc = ports.keycloakUrl();
        StringBuilder b = new StringBuilder();
        String line = "=".repeat(90);
        b.append('\n').append(line).append('\n')
                .append(' ').append(title).append('\n')
                .append("-".repeat(90)).append('\n').append(servers);
        if (forests == null) {
            b.append(" Active Directory   ").append(System.getenv("AD_SERVER_URLS")).append('\n');
        } else {
            b.append(" Active Directory   ").append(forests.corp().ldapUrl()).append("  CORP    (embedded, corp.example.test)\n")
                    .append("                    ").append(forests.partner().ldapUrl())
                    .append("  PARTNER (embedded, partner.example.test, two-way forest trust with CORP)\n");
        }
        b.append(" Admin console      ").append(kc).append("/admin/master/console/   (admin / admin)\n")
                .append(" Demo application   ").append(ports.applicationUrl())
                .append("   (client demo-app: signs you in, shows the token claims)\n\n")
                .append(" Connector mode, realm corp (every lookup goes live to CORP; nothing stored in Keycloak)\n")
                .append("   Account portal   ").append(kc).append("/realms/corp/account\n")
                .append("   OIDC issuer      ").append(kc).append("/realms/corp   (client demo-app, public, PKCE)\n")
                .append("   Sign in as alice, alice@corp.example.test or CORP\\alice:\n")
                .append("     alice / Passw0rd!Alice     in Developers (nested in Engineering -> role engineer)\n")
                .append("     dave  / Passw0rd!Dave      in Developers\n")
                .append("     erin  / Passw0rd!Erin      a contractor\n")
                .append("     bob   / Passw0rd!Bob1      must change password in AD: refused, with the reason\n")
                .append("     carol / Passw0rd!Carol     disabled in AD: refused, with the reason\n");
        if (forests != null) {
            b.append('\n')
                    .append(" Trust mode, realm corp-trust (CORP and PARTNER; users and groups synchronised)\n")
                    .append("   Account portal   ").append(kc).append("/realms/corp-trust/account\n")
                    .append("   OIDC issuer      ").append(kc).append("/realms/corp-trust\n")
                    .append("   First full sync  ").append(trustSync).append('\n')
                    .append("     pat@partner.example.test / Passw0rd!Pat1    (or PARTNER\\pat), a user of the trusted forest\n")
                    .append("     PARTNER\\alice / Passw0rd!Alice2            another alice: a bare 'alice' is refused with the names to type\n")
                    .append("     CORP\\alice / Passw0rd!Alice, and the CORP users above\n");
        }
        kerberos.ifPresent(k -> b.append('\n').append(k.banner(ports, forests != null)));
        b.append("\n Try a token:\n")
                .append("   curl -s -d grant_type=password -d client_id=demo-app -d username=alice \\\n")
                .append("        --data-urlencode 'password=Passw0rd!Alice' ").append(kc)
                .append("/realms/corp/protocol/openid-connect/token\n\n")
                .append(" Ctrl-C stops Keycloak and the AD.\n")
                .append(line).append('\n');
        return b.toString();
    }

    @Override
    public void close() {
        app.stop();
        // kc.sh starts the server's JVM as a child: stop that too, not only the script.
        keycloak.toHandle().descendants().forEach(ProcessHandle::destroy);
        keycloak.destroy();
        try {
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) keycloak.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (forests != null) forests.close();
    }
}
