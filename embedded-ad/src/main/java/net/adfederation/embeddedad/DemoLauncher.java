package net.adfederation.embeddedad;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the demo directory on fixed ports and keeps it up until the JVM is stopped. Ports come
 * from {@code --ldap-port=N} / {@code --ldaps-port=N}, else the system properties
 * {@code embeddedad.ldapPort} / {@code embeddedad.ldapsPort}, else 10389 and 10636.
 */
final class DemoLauncher {

    static final int DEFAULT_LDAP_PORT = 10389;
    static final int DEFAULT_LDAPS_PORT = 10636;

    private DemoLauncher() {
    }

    static void run(String[] args) throws Exception {
        int ldapPort = port(args, "--ldap-port=", "embeddedad.ldapPort", DEFAULT_LDAP_PORT);
        int ldapsPort = port(args, "--ldaps-port=", "embeddedad.ldapsPort", DEFAULT_LDAPS_PORT);
        EmbeddedActiveDirectory directory = EmbeddedActiveDirectory.builder()
                .ldapPort(ldapPort).ldapsPort(ldapsPort).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            directory.close();
            stopped.countDown();
        }, "embedded-ad-shutdown"));
        describe(directory, System.out);
        stopped.await();
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
        out.println("Stop with Ctrl-C.");
    }

    private static int port(String[] args, String option, String property, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(option)) return Integer.parseInt(arg.substring(option.length()));
        }
        return Integer.getInteger(property, fallback);
    }
}
