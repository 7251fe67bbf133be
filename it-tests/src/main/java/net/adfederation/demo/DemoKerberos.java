package net.adfederation.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Desktop SSO in the demo, where a KDC is present: the realms' Kerberos step is turned on with a
 * keytab, and the banner says how to try it. Present means either the environment names a keytab
 * ({@code AD_KERBEROS_KEYTAB} and {@code AD_KERBEROS_PRINCIPAL}, with the krb5.conf of
 * {@code KRB5_CONFIG} or /etc/krb5.conf), or, with the embedded forests, the Samba forests of
 * {@code ad-dc.sh} run here (under {@code ADFED_SAMBA_BASE}, default /tmp/ad-dc, CORP's KDC
 * answering on 127.0.0.2) with the keytab of {@code .ci/kerberos.sh} (their CORP and PARTNER carry
 * the embedded forests' names and users, so their tickets name the embedded accounts). Otherwise
 * the demo is as without Kerberos.
 */
public record DemoKerberos(Path keytab, String principal, Path krb5Conf) {

    static final String SAMBA_PRINCIPAL = "HTTP/keycloak.corp.example.test@CORP.EXAMPLE.TEST";
    /** The S256 challenge of the verifier "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk" (RFC 7636's example). */
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** From the environment given (System.getenv() for the demo); {@code embedded}: the demo runs the embedded forests. */
    public static Optional<DemoKerberos> detect(Map<String, String> env, boolean embedded) {
        String keytab = env.getOrDefault("AD_KERBEROS_KEYTAB", "");
        String principal = env.getOrDefault("AD_KERBEROS_PRINCIPAL", "");
        if (!keytab.isBlank() && principal.contains("/") && principal.contains("@")) {
            return Optional.of(new DemoKerberos(Path.of(keytab), principal, Path.of(env.getOrDefault("KRB5_CONFIG", "/etc/krb5.conf"))));
        }
        Path samba = Path.of(env.getOrDefault("ADFED_SAMBA_BASE", "/tmp/ad-dc"));
        Path sambaKeytab = samba.resolve("kc-http.keytab");
        Path sambaKrb5 = samba.resolve("krb5.conf");
        if (embedded && Files.isReadable(sambaKeytab) && Files.isReadable(sambaKrb5) && kdcAnswers("127.0.0.2")) {
            return Optional.of(new DemoKerberos(sambaKeytab, SAMBA_PRINCIPAL, sambaKrb5));
        }
        return Optional.empty();
    }

    /** The host name browsers must use: the SPN's. */
    public String host() {
        return principal.substring(principal.indexOf('/') + 1, principal.indexOf('@'));
    }

    /** Keycloak's environment: the realm files' Kerberos placeholders, and the krb5.conf for Keycloak's JVM. */
    Map<String, String> environment(String javaOptsAppend) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AD_KERBEROS_SSO", "true");
        env.put("AD_KERBEROS_PRINCIPAL", principal);
        env.put("AD_KERBEROS_KEYTAB", keytab.toAbsolutePath().toString());
        String krb5 = "-Djava.security.krb5.conf=" + krb5Conf.toAbsolutePath();
        env.put("JAVA_OPTS_APPEND", javaOptsAppend == null || javaOptsAppend.isBlank() ? krb5 : javaOptsAppend + " " + krb5);
        return env;
    }

    /** Keycloak's address under the SPN's host name. */
    public String keycloakUrl(DemoPorts ports) {
        return ports.keycloakUrl().replace("localhost", host());
    }

    /** The authorization request the banner's curl makes: answered with a redirect carrying the code. */
    public String authorizationUrl(DemoPorts ports, String realm) {
        return keycloakUrl(ports) + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=demo-app&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode(ports.applicationUrl() + "/", StandardCharsets.UTF_8)
                + "&state=demo&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
    }

    /** The banner's lines: how to try it with kinit and curl, and with Chromium. */
    String banner(DemoPorts ports, boolean trust) {
        String realm = principal.substring(principal.indexOf('@') + 1);
        StringBuilder b = new StringBuilder()
                .append(" Desktop SSO (Kerberos), on in ").append(trust ? "both realms" : "realm corp").append(": keytab ")
                .append(keytab).append(" of ").append(principal).append('\n')
                .append("   Keycloak under the SPN's name: ").append(keycloakUrl(ports)).append("  (").append(host())
                .append(" must resolve to this machine)\n")
                .append("   export KRB5_CONFIG=").append(krb5Conf).append('\n')
                .append(trust ? "   kinit alice@" + realm + "      (Passw0rd!Alice; in corp-trust also pat@PARTNER.EXAMPLE.TEST,"
                        + " Passw0rd!Pat1)\n" : "   kinit <your account>@" + realm + "\n")
                .append("   curl -s --negotiate -u : -c /tmp/demo-jar -b /tmp/demo-jar -o /dev/null -w '%{redirect_url}\\n' \\\n")
                .append("        '").append(authorizationUrl(ports, "corp")).append("'\n")
                .append("     prints the demo application's address with a code: signed in by the ticket, no form\n")
                .append("   chromium --auth-server-allowlist=").append(host()).append(' ').append(keycloakUrl(ports))
                .append("/realms/corp/account\n");
        return b.toString();
    }

    private static boolean kdcAnswers(String host) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 88), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
