package net.adfederation.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import net.adfederation.directory.Secret;
import net.adfederation.directory.ServiceLogin;
import net.adfederation.common.Components;
import net.adfederation.common.ConnectionKeys;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

class ConnectorConfigTest {

    static ComponentModel model(Map<String, String> values) {
        return Components.model("corp", values);
    }

    static ComponentModel valid(String... overrides) {
        return Components.model("corp", Map.of(
                ConnectionKeys.DOMAIN, "corp.example.test",
                ConnectionKeys.SERVER_URLS, "ldaps://dc1.corp.example.test ldaps://dc2.corp.example.test:3269",
                ConnectionKeys.BIND_DN, "svc-keycloak@corp.example.test",
                ConnectionKeys.BIND_CREDENTIAL, "secret"), overrides);
    }

    static String refusalOf(Runnable action) {
        return Components.refusalOf(action);
    }

    private static String refusal(ComponentModel model) {
        return refusalOf(() -> ConnectorConfig.parse(model));
    }

    @Test
    void parsesAValidConfigurationWithDefaults() {
        ConnectorConfig config = ConnectorConfig.parse(valid());

        assertThat(config.connection().domain()).isEqualTo("corp.example.test");
        assertThat(config.connection().serverUrls()).containsExactly(
                URI.create("ldaps://dc1.corp.example.test"), URI.create("ldaps://dc2.corp.example.test:3269"));
        assertThat(config.connection().bindDn()).isEqualTo("svc-keycloak@corp.example.test");
        assertThat(config.connection().startTls()).isFalse();
        assertThat(config.connection().allowInsecureBind()).isFalse();
        assertThat(config.connection().connectTimeoutMs()).isEqualTo(5000);
        assertThat(config.connection().readTimeoutMs()).isEqualTo(10000);
        assertThat(config.passwordResetUrl()).isNull();
    }

    @Test
    void normalisesTheDomainToLowerCaseWithoutTrailingDot() {
        assertThat(ConnectorConfig.parse(valid(ConnectionKeys.DOMAIN, " CORP.Example.Test. ")).connection().domain())
                .isEqualTo("corp.example.test");
    }

    @Test
    void keepsSpacesAroundTheBindPassword() {
        assertThat(ConnectorConfig.parse(valid(ConnectionKeys.BIND_CREDENTIAL, " pass word ")).connection().bindCredential().reveal())
                .isEqualTo(" pass word ");
    }

    @Test
    void refusesAMissingDomain() {
        assertThat(refusal(valid(ConnectionKeys.DOMAIN, null))).startsWith("domain is required");
    }

    @Test
    void refusesADomainThatIsNotADnsName() {
        assertThat(refusal(valid(ConnectionKeys.DOMAIN, "corp_example!test")))
                .isEqualTo("domain: corp_example!test is not a DNS domain name such as corp.example.test");
    }

    @Test
    void refusesSeveralDomainsAndPointsToTrustMode() {
        String expected = "connector mode attaches to exactly one domain; use ad-trust for several";
        assertThat(refusal(valid(ConnectionKeys.DOMAIN, "corp.example.test lab.example.test"))).startsWith(expected);
        assertThat(refusal(valid(ConnectionKeys.DOMAIN, "corp.example.test,lab.example.test"))).startsWith(expected);
    }

    @Test
    void withoutServerUrlsTheDcsAreLeftToDnsWithTheSiteAndDnsServerGiven() {
        ConnectorConfig config = ConnectorConfig.parse(valid(ConnectionKeys.SERVER_URLS, " ",
                ConnectionKeys.AD_SITE, " Default-First-Site-Name ", ConnectionKeys.DNS_SERVER, "127.0.0.2, 10.0.0.53:5353"));

        assertThat(config.connection().serverUrls()).isEmpty();
        assertThat(config.connection().dcLookup().site()).isEqualTo("Default-First-Site-Name");
        assertThat(config.connection().dcLookup().dnsServers()).isEqualTo("127.0.0.2 10.0.0.53:5353");
        assertThat(ConnectorConfig.parse(valid()).connection().dcLookup().dnsServers()).isNull();
        assertThat(config.connection().fingerprint()).isNotEqualTo(
                ConnectorConfig.parse(valid(ConnectionKeys.SERVER_URLS, " ")).connection().fingerprint());
    }

    @Test
    void refusesASiteOrDnsServerDnsCouldNotAsk() {
        assertThat(refusal(valid(ConnectionKeys.AD_SITE, "Branch.evil.test"))).startsWith("adSite: Branch.evil.test is not an AD site name");
        assertThat(refusal(valid(ConnectionKeys.DNS_SERVER, "dns://127.0.0.2"))).startsWith("dnsServer: dns://127.0.0.2 is not a DNS server");
    }

    @Test
    void refusesAUrlThatIsNotLdapOrLdaps() {
        assertThat(refusal(valid(ConnectionKeys.SERVER_URLS, "ldaps://dc1.corp.example.test https://dc2.corp.example.test")))
                .isEqualTo("serverUrls: https://dc2.corp.example.test is not an ldap:// or ldaps:// URL with a host name");
        assertThat(refusal(valid(ConnectionKeys.SERVER_URLS, "dc1.corp.example.test")))
                .isEqualTo("serverUrls: dc1.corp.example.test is not an ldap:// or ldaps:// URL with a host name");
    }

    @Test
    void refusesPlainLdapUnlessStartTlsOrInsecureBindIsOn() {
        assertThat(refusal(valid(ConnectionKeys.SERVER_URLS, "ldap://dc1.corp.example.test")))
                .startsWith("serverUrls: ldap://dc1.corp.example.test would send passwords unencrypted");

        assertThat(ConnectorConfig.parse(valid(ConnectionKeys.SERVER_URLS, "ldap://dc1.corp.example.test",
                ConnectionKeys.START_TLS, "true")).connection().startTls()).isTrue();
        assertThat(ConnectorConfig.parse(valid(ConnectionKeys.SERVER_URLS, "ldap://dc1.corp.example.test",
                ConnectionKeys.ALLOW_INSECURE_BIND, "true")).connection().allowInsecureBind()).isTrue();
    }

    @Test
    void refusesNonNumericOrNonPositiveTimeouts() {
        assertThat(refusal(valid(ConnectionKeys.CONNECT_TIMEOUT_MS, "5s")))
                .isEqualTo("connectTimeoutMs must be a positive whole number of milliseconds, got 5s");
        assertThat(refusal(valid(ConnectionKeys.READ_TIMEOUT_MS, "0")))
                .isEqualTo("readTimeoutMs must be a positive whole number of milliseconds, got 0");
    }

    @Test
    void refusesTimeoutsAboveTheirBound() {
        assertThat(refusal(valid(ConnectionKeys.CONNECT_TIMEOUT_MS, "30001"))).isEqualTo("connectTimeoutMs must be at most 30000 "
                + "milliseconds, got 30001: every sign-in that meets a domain controller which does not answer waits this long");
        assertThat(refusal(valid(ConnectionKeys.READ_TIMEOUT_MS, "600000"))).isEqualTo("readTimeoutMs must be at most 60000 "
                + "milliseconds, got 600000: every sign-in that meets a domain controller which does not answer waits this long");
        assertThat(ConnectorConfig.parse(valid(ConnectionKeys.CONNECT_TIMEOUT_MS, "30000",
                ConnectionKeys.READ_TIMEOUT_MS, "60000")).connection().readTimeoutMs()).isEqualTo(60000);
    }

    @Test
    void readsExplicitTimeouts() {
        ConnectorConfig config = ConnectorConfig.parse(valid(ConnectionKeys.CONNECT_TIMEOUT_MS, "2000",
                ConnectionKeys.READ_TIMEOUT_MS, "3000"));

        assertThat(config.connection().connectTimeoutMs()).isEqualTo(2000);
        assertThat(config.connection().readTimeoutMs()).isEqualTo(3000);
    }

    @Test
    void refusesABooleanThatIsNeitherTrueNorFalse() {
        assertThat(refusal(valid(ConnectionKeys.START_TLS, "yes"))).isEqualTo("startTls must be true or false, got yes");
    }

    @Test
    void refusesAMissingServiceAccountOrPassword() {
        assertThat(refusal(valid(ConnectionKeys.BIND_DN, null))).isEqualTo(
                "bindDn is required: the service account that reads the directory, as a DN, a UPN or DOMAIN\\name");
        assertThat(refusal(valid(ConnectionKeys.BIND_CREDENTIAL, ""))).isEqualTo(
                "bindCredential is required: the password of the service account, or a vault expression");
    }

    @Test
    void acceptsAnHttpsPasswordResetUrlAndRefusesOthers() {
        assertThat(ConnectorConfig.parse(valid(ConnectorConfig.PASSWORD_RESET_URL, "https://passwords.corp.example.test/change"))
                .passwordResetUrl()).isEqualTo("https://passwords.corp.example.test/change");

        assertThat(refusal(valid(ConnectorConfig.PASSWORD_RESET_URL, "passwords.corp.example.test")))
                .startsWith("passwordResetUrl: passwords.corp.example.test is not an absolute http:// or https:// URL");
        assertThat(refusal(valid(ConnectorConfig.PASSWORD_RESET_URL, "https://corp.example.test/it's")))
                .contains("write an apostrophe as %27");
    }

    @Test
    void fingerprintChangesWithWhatShapesTheConnectionOnly() {
        String base = ConnectorConfig.parse(valid()).fingerprint();

        assertThat(ConnectorConfig.parse(valid()).fingerprint()).isEqualTo(base);
        assertThat(ConnectorConfig.parse(valid(ConnectionKeys.BIND_CREDENTIAL, "other")).fingerprint()).isNotEqualTo(base);
        assertThat(ConnectorConfig.parse(valid(ConnectionKeys.READ_TIMEOUT_MS, "999")).fingerprint()).isNotEqualTo(base);
        assertThat(ConnectorConfig.parse(valid(ConnectorConfig.PASSWORD_RESET_URL, "https://x.example.test")).fingerprint())
                .isEqualTo(base);
        assertThat(base).doesNotContain("secret");
    }

    @Test
    void buildsDomainSettingsWithTheResolvedPassword() {
        var settings = ConnectorConfig.parse(valid(ConnectionKeys.BIND_CREDENTIAL, "${vault.ad}"))
                .connection().domainSettings(Secret.of("resolved"), null);

        assertThat(settings.domain()).isEqualTo("corp.example.test");
        assertThat(settings.serviceLogin()).isEqualTo(new ServiceLogin.Simple("svc-keycloak@corp.example.test", Secret.of("resolved")));
        assertThat(settings.serverUrls()).hasSize(2);
        assertThat(settings.impliedBaseDn()).isEqualTo("DC=corp,DC=example,DC=test");
    }
}
