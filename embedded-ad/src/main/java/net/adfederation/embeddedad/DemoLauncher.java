package net.adfederation.embeddedad;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the demo directory on fixed ports and keeps it up until the JVM is stopped. Ports come
 * from {@code --ldap-port=N} / {@code --ldaps-port=N}, else the system properties
 * {@code embeddedad.ldapPort} / {@code embeddedad.ldapsPort}, else 10389 and 10636. With
 * {@code --forests} PARTNER starts too, on {@code --partner-ldap-port=N} / {@code --partner-ldaps-port=N}
 * (or {@code embeddedad.partnerLdapPort} / {@code embeddedad.partnerLdapsPort}, else 11389 and 11636),
 * with a two-way forest trust to CORP.
 */
final class DemoLauncher {

    static final int DEFAULT_LDAP_PORT = 10389;
    static final int DEFAULT_LDAPS_PORT = 10636;
    static final int DEFAULT_PARTNER_LDAP_PORT = 11389;
    static final int DEFAULT_PARTNER_LDAPS_PORT = 11636;

    private DemoLauncher() {
    }

    /** The running demo: its DCs (CORP first) and how to stop them all. */
    record Demo(List<EmbeddedActiveDirectory> directories, Runnable stop) {
    }

    static void run(String[] args) throws Exception {
        Demo demo = start(args);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.stop().run();
            stopped.countDown();
        }, "embedded-ad-shutdown"));
        demo.directories().forEach(directory -> describe(directory, System.out));
        if (demo.directories().size() > 1) {
            System.out.println("Two-way forest trust CORP <-> PARTNER: each DC accepts simple binds of the other's"
                    + " accounts (e.g. svc-keycloak@corp.example.test at PARTNER).");
        }
        System.out.println("Stop with Ctrl-C.");
        stopped.await();
    }

    static Demo start(String[] args) throws Exception {
        EmbeddedActiveDirectory.Builder corp = EmbeddedActiveDirectory.builder()
                .ldapPort(port(args, "--ldap-port=", "embeddedad.ldapPort", DEFAULT_LDAP_PORT))
                .ldapsPort(port(args, "--ldaps-port=", "embeddedad.ldapsPort", DEFAULT_LDAPS_PORT));
        if (Arrays.asList(args).contains("--forests")) {
            EmbeddedForests forests = EmbeddedForests.startTrusting(TrustDirection.BIDIRECTIONAL, corp,
                    EmbeddedActiveDirectory.builder()
                            .ldapPort(port(args, "--partner-ldap-port=", "embeddedad.partnerLdapPort",
                                    DEFAULT_PARTNER_LDAP_PORT))
                            .ldapsPort(port(args, "--partner-ldaps-port=", "embeddedad.partnerLdapsPort",
                                    DEFAULT_PARTNER_LDAPS_PORT)));
            return new Demo(List.of(forests.corp(), forests.partner()), forests::close);
        }
        EmbeddedActiveDirectory directory = corp.start();
        return new Demo(List.of(directory), directory::close);
    }

    static void describe(EmbeddedActiveDirectory directory, PrintStream out) {
        AdDomainSpec domain = directory.domain();
        out.println("Embedded Active Directory " + domain.dnsName() + " (" + domain.netbiosName() + ") is up.");
        out.println("  LDAP      " + directory.ldapUrl() + "   (StartTLS available)");
        out.println("  LDAPS     " + directory.ldapsUrl());
        out.println("  base DN   " + directory.baseDn());
        out.println("  CA (PEM)  " + directory.caCertificatePath());
        out.println("  admin     Administrator@" + domain.dnsName() + " / " + SeedAccounts.ADMINISTRATOR_PASSWORD);
        for (SeedAccounts.SeedUser user : SeedAccounts.forDomain(domain).users()) {
            String state = user.disabled() ? "  (disabled)" : user.mustChangePassword() ? "  (must change password)" : "";
            out.println("  user      " + domain.upnOf(user.sam()) + " / " + user.password() + state);
        }
    }

    private static int port(String[] args, String option, String property, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(option)) return Integer.parseInt(arg.substring(option.length()));
        }
        return Integer.getInteger(property, fallback);
    }
}
