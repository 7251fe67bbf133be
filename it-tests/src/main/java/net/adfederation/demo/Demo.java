package net.adfederation.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import net.adfederation.embeddedad.EmbeddedActiveDirectory;

/**
 * The demo behind ./demo.sh: the embedded AD on 127.0.0.1:10389, then Keycloak 26.7.0 with our
 * JAR importing realm-config/corp-connector.json, the demo application (client demo-app) on
 * localhost:8089, then the URLs and demo credentials. Set
 * AD_SERVER_URLS (and AD_BIND_DN, AD_BIND_CREDENTIAL) to point the realm at a real AD instead.
 */
public final class Demo {

    private static final String KEYCLOAK = "http://localhost:8080";
    private static final int AD_PORT = Integer.getInteger("adfed.demo.adPort", 10389);

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path demoDir = Path.of(System.getProperty("adfed.demoDir")).toAbsolutePath().normalize();

        EmbeddedActiveDirectory ad = System.getenv("AD_SERVER_URLS") == null ? startEmbeddedAd() : null;
        KeycloakDistribution keycloak = KeycloakDistribution.unpack(Path.of(System.getProperty("adfed.keycloakDist")), demoDir);
        keycloak.deployProvider(Path.of(System.getProperty("adfed.providerJar")));
        keycloak.addRealmImport(Path.of(System.getProperty("adfed.realmFile")));

        Process server = startKeycloak(keycloak.home(), demoDir.resolve("keycloak.log"), ad);
        DemoApp app = new DemoApp(KEYCLOAK, "corp");
        app.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            server.destroy();
            if (ad != null) ad.close();
        }));
        waitUntilReady(server, demoDir.resolve("keycloak.log"));
        printBanner(ad, Duration.ofNanos(System.nanoTime() - started));
        server.waitFor();
    }

    private static EmbeddedActiveDirectory startEmbeddedAd() throws Exception {
        return EmbeddedActiveDirectory.builder().ldapPort(AD_PORT).start();
    }

    private static Process startKeycloak(Path home, Path log, EmbeddedActiveDirectory ad) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bin/kc.sh", "start-dev", "--import-realm", "--http-port=8080")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        if (ad != null) {
            // The embedded AD listens on loopback only; a plain-LDAP bind is acceptable there, nowhere else.
            env.put("AD_SERVER_URLS", ad.ldapUrl());
            env.put("AD_ALLOW_INSECURE_BIND", "true");
            env.put("AD_BIND_DN", "svc-keycloak@corp.example.test");
            env.put("AD_BIND_CREDENTIAL", "Passw0rd!Svc1");
        }
        return pb.start();
    }

    private static void waitUntilReady(Process server, Path log) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/corp/.well-known/openid-configuration")).build();
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start-up; see " + log);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak did not answer within 5 minutes; see " + log);
    }

    private static void printBanner(EmbeddedActiveDirectory ad, Duration startUp) {
        String directory = ad == null ? System.getenv("AD_SERVER_URLS") : ad.ldapUrl() + " (embedded AD, domain corp.example.test)";
        System.out.printf("""

                ==================================================================================
                 keycloak-ad-federation demo: ready in %d s
                ----------------------------------------------------------------------------------
                 Active Directory   %s
                 Account portal     %s/realms/corp/account
                 Admin console      %s/admin/master/console/#/corp   (admin / admin)
                 Demo application   http://localhost:8089   (client demo-app: signs you in, shows the token claims)
                 OIDC issuer        %s/realms/corp   (client: demo-app, public, PKCE)

                 Sign in as (any of alice, alice@corp.example.test, CORP\\alice):
                   alice / Passw0rd!Alice     in Developers (nested in Engineering -> role engineer)
                   dave  / Passw0rd!Dave      in Developers
                   erin  / Passw0rd!Erin      a contractor
                   bob   / Passw0rd!Bob1      must change password in AD: refused, with the reason
                   carol / Passw0rd!Carol     disabled in AD: refused, with the reason

                 Try a token:
                   curl -s -d grant_type=password -d client_id=demo-app -d username=alice \\
                        --data-urlencode 'password=Passw0rd!Alice' %s/realms/corp/protocol/openid-connect/token

                 Ctrl-C stops Keycloak and the AD.
                ==================================================================================
                """, startUp.toSeconds(), directory, KEYCLOAK, KEYCLOAK, KEYCLOAK, KEYCLOAK);
    }
}
