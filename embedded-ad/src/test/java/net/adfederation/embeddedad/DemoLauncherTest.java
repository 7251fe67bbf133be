package net.adfederation.embeddedad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoLauncherTest {

    @Test
    void describesUrlsBaseDnCaPathAndDemoCredentials() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (EmbeddedActiveDirectory ad = EmbeddedActiveDirectory.builder().start()) {
            DemoLauncher.describe(ad, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains(ad.ldapUrl(), ad.ldapsUrl(), "DC=corp,DC=example,DC=test",
                            ad.caCertificatePath().toString(), "Administrator@corp.example.test / Passw0rd!Admin",
                            "alice@corp.example.test / Passw0rd!Alice", "carol@corp.example.test / Passw0rd!Carol  (disabled)");
        }
    }

    @Test
    void forestsOptionStartsCorpAndPartnerWithATwoWayTrust() throws Exception {
        DemoLauncher.Demo demo = DemoLauncher.start(new String[] {"--forests", "--ldap-port=0", "--ldaps-port=0",
                "--partner-ldap-port=0", "--partner-ldaps-port=0"});
        try {
            assertThat(demo.directories()).extracting(EmbeddedActiveDirectory::domain)
                    .containsExactly(AdDomainSpec.CORP, AdDomainSpec.PARTNER);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            DemoLauncher.describe(demo.directories().get(1), new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("pat@partner.example.test / Passw0rd!Pat1");
            assertThat(Binds.outcome(EmbeddedAdFixture.plainEndpoint(demo.directories().get(1)),
                    "svc-keycloak@corp.example.test", "Passw0rd!Svc1")).isEqualTo("ok");
        } finally {
            demo.stop().run();
        }
    }
}
