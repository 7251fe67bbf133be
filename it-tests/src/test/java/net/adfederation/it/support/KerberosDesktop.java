package net.adfederation.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import net.adfederation.embeddedad.SambaRequirement;

/**
 * A desktop with a Kerberos logon, as the tests need it: Keycloak's SPN and keytab from
 * .ci/kerberos.sh, {@code kinit} (Debian's krb5-user) into a ticket cache of the test's own, and
 * {@code curl --negotiate} sending that ticket to Keycloak under the SPN's host name.
 */
public final class KerberosDesktop {

    public static final String HOST = "keycloak.corp.example.test";
    /** A second name of Keycloak with an SPN on another account (kc-other): its tickets are not Keycloak's. */
    public static final String OTHER_HOST = "other.corp.example.test";
    public static final String PRINCIPAL = "HTTP/" + HOST + "@CORP.EXAMPLE.TEST";
    public static final Path KEYTAB = SambaDirectory.BASE.resolve("kc-http.keytab");
    private static final Path CACHES = Path.of("target", "krb5cc");

    private KerberosDesktop() {
    }

    /** Skips (fails on CI) unless the SPN, keytab, host names and Kerberos tools are here. */
    public static void assumeAvailable() {
        SambaRequirement.here().requireSamba(Files.isReadable(KEYTAB) && resolvesToLoopback(HOST)
                        && resolvesToLoopback(OTHER_HOST) && Files.isExecutable(Path.of("/usr/bin/kinit"))
                        && Files.isExecutable(Path.of("/usr/bin/curl")),
                "Keycloak's SPN and keytab " + KEYTAB + " with " + HOST + " in /etc/hosts (run .ci/kerberos.sh as root) "
                        + "and krb5-user", "up-trust");
    }

    /** The realm-file values that turn desktop SSO on with the test keytab. */
    public static Map<String, String> realmFileValues() {
        return Map.of("AD_KERBEROS_SSO", "true", "AD_KERBEROS_PRINCIPAL", PRINCIPAL, "AD_KERBEROS_KEYTAB", KEYTAB.toString());
    }

    /** {@code keycloakUrl} (http://localhost:8080) under the SPN's host name. */
    public static String under(String host, String keycloakUrl) {
        return keycloakUrl.replace("localhost", host);
    }

    /** A fresh ticket cache holding {@code principal}'s TGT (kinit with the password), and optionally service tickets. */
    public static Path logon(String principal, String password) {
        try {
            Files.createDirectories(CACHES);
            Path cache = CACHES.resolve(principal.replaceAll("[^A-Za-z0-9]", "_") + "-" + System.nanoTime()).toAbsolutePath();
            Result kinit = run(List.of("kinit", principal), cache, password + "\n");
            if (kinit.exit() != 0) throw new IllegalStateException("kinit " + principal + " failed: " + kinit.output());
            return cache;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a ticket for {@code service} into the cache now (kvno), so it outlives a later change of the account. */
    public static void serviceTicket(Path cache, String service) {
        try {
            Result kvno = run(List.of("kvno", service), cache, null);
            if (kvno.exit() != 0) throw new IllegalStateException("kvno " + service + " failed: " + kvno.output());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response as curl saw it after following redirects: the last status, address, body and its trace. */
    public record Page(int status, String url, String body, String trace) {
        public boolean isSignInForm() {
            return body.contains("id=\"kc-form-login\"") || body.contains("name=\"password\"");
        }
    }

    /**
     * GET {@code url} as a browser with SPNEGO would: Negotiate with the cache's ticket, cookies kept,
     * redirects followed. With a null cache no ticket can be sent.
     */
    public static Page browse(String url, Path cache) {
        try {
            Path jar = Files.createTempFile("curl-jar", ".txt");
            Path body = Files.createTempFile("curl-body", ".html");
            List<String> command = new ArrayList<>(List.of("curl", "-sS", "-v", "-L", "--negotiate", "-u", ":",
                    "-b", jar.toString(), "-c", jar.toString(), "--max-time", "60", "-o", body.toString(),
                    "-w", "%{http_code} %{url_effective}", url));
            Result curl = run(command, cache, null);
            String[] written = curl.stdout().trim().split(" ", 2);
            return new Page(Integer.parseInt(written[0]), written.length > 1 ? written[1] : "",
                    Files.readString(body, StandardCharsets.UTF_8), curl.output());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One authorization request with the ticket, as far as Keycloak answers it (the 401 Negotiate and
     * the retry with the ticket; the final redirect is not followed): the address Keycloak redirects to.
     */
    public static String authorize(String url, Path cache) {
        try {
            Path jar = Files.createTempFile("curl-jar", ".txt");
            Result curl = run(List.of("curl", "-sS", "--negotiate", "-u", ":", "-b", jar.toString(), "-c", jar.toString(),
                    "--max-time", "60", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", url), cache, null);
            return curl.stdout().trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The environment a process needs to use {@code cache} with the forests' krb5.conf. */
    public static Map<String, String> environment(Path cache) {
        return Map.of("KRB5CCNAME", "FILE:" + (cache == null ? CACHES.resolve("none").toAbsolutePath() : cache),
                "KRB5_CONFIG", SambaDirectory.KRB5_CONF.toString());
    }

    private record Result(int exit, String stdout, String output) {
    }

    private static Result run(List<String> command, Path cache, String input) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment(cache));
        Path err = Files.createTempFile("krb-err", ".txt");
        builder.redirectError(err.toFile());
        Process process = builder.start();
        if (input != null) process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish within 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), stdout, stdout + Files.readString(err));
    }

    private static boolean resolvesToLoopback(String host) {
        try {
            return InetAddress.getByName(host).getHostAddress().equals("127.0.0.1");
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
