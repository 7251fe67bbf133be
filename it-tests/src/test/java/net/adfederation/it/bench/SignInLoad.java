package net.adfederation.it.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.adfederation.it.support.Directories;
import net.adfederation.it.support.KerberosDesktop;
import net.adfederation.it.support.KerberosLogon;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.OidcClient.BrowserResult;
import net.adfederation.it.support.OidcClient.TokenResult;

/**
 * A closed-loop load driver: a fixed number of clients, each signing in again as soon as its last
 * sign-in ended, for a fixed time. Each client is an application with a browser of its own; an
 * authorization-code sign-in starts from an empty cookie jar, so it always goes through the login
 * form (login page, form post, code redemption). A Kerberos sign-in also starts from an empty
 * cookie jar, with the client's own Kerberos logon (one per client, kept across runs).
 */
public final class SignInLoad {

    /** Who signs in where, and the label the report gives it. */
    public record Target(String label, String realm, String username, String password) {
    }

    public enum Flow {
        DIRECT_GRANT("direct grant"), AUTHORIZATION_CODE("authorization code + PKCE"),
        /** The target's username is a Kerberos principal and its password that principal's: see {@link KerberosLogon}. */
        KERBEROS("Kerberos (SPNEGO), authorization request up to the code");

        /** The flows that sign in with the password. */
        public static final List<Flow> PASSWORD = List.of(DIRECT_GRANT, AUTHORIZATION_CODE);

        private final String label;

        Flow(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One sign-in: when it started (nanoseconds after the run's start), how long it took, and why
     * it failed (null when it succeeded).
     */
    public record SignIn(long startNanos, long latencyNanos, String error) {
        public boolean ok() {
            return error == null;
        }

        public long endNanos() {
            return startNanos + latencyNanos;
        }
    }

    private final String keycloakUrl;
    private final int clients;
    /** Each client's Kerberos logon by principal and client number, made at its first Kerberos sign-in and kept across runs. */
    private final Map<String, KerberosLogon> logons = new ConcurrentHashMap<>();

    public SignInLoad(String keycloakUrl, int clients) {
        this.keycloakUrl = keycloakUrl;
        this.clients = clients;
    }

    public int clients() {
        return clients;
    }

    /** Runs from now for the duration given; every sign-in started before its end is waited for. */
    public List<SignIn> run(Target target, Flow flow, Duration duration) {
        return run(target, flow, duration, System.nanoTime());
    }

    /** As {@link #run(Target, Flow, Duration)}, timed from {@code startNanos} (a System.nanoTime()). */
    public List<SignIn> run(Target target, Flow flow, Duration duration, long startNanos) {
        long end = startNanos + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<SignIn>>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                running.add(pool.submit(() -> signInUntil(client, target, flow, startNanos, end)));
            }
            List<SignIn> all = new ArrayList<>();
            for (Future<List<SignIn>> client : running) all.addAll(client.get());
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError("a load client failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<SignIn> signInUntil(int client, Target target, Flow flow, long startNanos, long end) {
        // Kerberos needs Keycloak under the SPN's host name; the logon is made before the clock starts for its first sign-in.
        OidcClient browser = new OidcClient(flow == Flow.KERBEROS ? KerberosDesktop.under(KerberosDesktop.HOST, keycloakUrl)
                : keycloakUrl, target.realm(), Directories.CLIENT);
        KerberosLogon logon = flow == Flow.KERBEROS ? logons.computeIfAbsent(target.username() + "#" + client,
                key -> KerberosLogon.of(target.username(), target.password(), KerberosDesktop.PRINCIPAL)) : null;
        List<SignIn> signIns = new ArrayList<>();
        for (long start = System.nanoTime(); start - end < 0; start = System.nanoTime()) {
            String error = signIn(browser, logon, target, flow);
            signIns.add(new SignIn(start - startNanos, System.nanoTime() - start, error));
        }
        return signIns;
    }

    private static String signIn(OidcClient browser, KerberosLogon logon, Target target, Flow flow) {
        try {
            return switch (flow) {
                case DIRECT_GRANT -> error(browser.directGrant(target.username(), target.password()));
                case AUTHORIZATION_CODE -> {
                    browser.forgetCookies();
                    yield error(browser.authorizationCodeSignIn(target.username(), target.password()));
                }
                case KERBEROS -> {
                    browser.forgetCookies();
                    BrowserResult result = browser.kerberosSignIn(logon::negotiate);
                    yield result.code() != null ? null : "no code, a page: " + result.text();
                }
            };
        } catch (RuntimeException | AssertionError e) {
            return e.toString();
        }
    }

    private static String error(TokenResult result) {
        return result.ok() ? null : result.status() + " " + result.error() + ": " + result.errorDescription();
    }
}
