package net.adfederation.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import net.adfederation.common.Components;
import net.adfederation.common.ConnectionKeys;
import org.junit.jupiter.api.Test;
import org.keycloak.component.ComponentModel;

class TrustConfigTest {

    static ComponentModel valid(String... overrides) {
        return Components.model("forest", Map.of(ConnectionKeys.DOMAIN, "Corp.Example.Test",
                ConnectionKeys.SERVER_URLS, "ldaps://dc1.corp.example.test",
                ConnectionKeys.BIND_DN, "svc-keycloak@corp.example.test",
                ConnectionKeys.BIND_CREDENTIAL, "secret",
                TrustConfig.DOMAIN_CONTROLLERS, "partner.example.test=ldaps://dc1.partner.example.test ldaps://dc2.partner.example.test\n\n# lab\n"),
                overrides);
    }

    static String refusalOf(Runnable action) {
        return Components.refusalOf(action);
    }

    private static String refusal(String... overrides) {
        return refusalOf(() -> TrustConfig.parse(valid(overrides)));
    }

    @Test
    void parsesAValidConfigurationWithDefaults() {
        TrustConfig config = TrustConfig.parse(valid());

        assertThat(config.domain()).isEqualTo("corp.example.test");
        assertThat(config.trustedDomains()).isEmpty();
        assertThat(config.domainControllers()).containsEntry("partner.example.test",
                java.util.List.of(URI.create("ldaps://dc1.partner.example.test"), URI.create("ldaps://dc2.partner.example.test")));
        assertThat(config.syncScopeGroups()).isEmpty();
        assertThat(config.deletionThreshold()).isEqualTo(500);
        assertThat(config.deletionLimits()).isEqualTo(new net.adfederation.sync.DeletionLimits(500, 0, 0, 0));
        assertThat(config.crossForestLogin()).isEqualTo(TrustConfig.CrossForestLogin.KERBEROS);
        assertThat(config.connection().connectTimeoutMs()).isEqualTo(5000);
    }

    @Test
    void listsAreSplitOnSpacesAndNewLinesAndTheBoundDomainIsNotItsOwnTrust() {
        TrustConfig config = TrustConfig.parse(valid(TrustConfig.TRUSTED_DOMAINS, "Partner.Example.Test  corp.example.test\nlab.example.test",
                TrustConfig.SYNC_SCOPE_GROUPS, "Staff CORP\\Engineering \"Domain Users\"\nCN=Sales Team,OU=Groups,DC=partner,DC=example,DC=test\n"));

        assertThat(config.trustedDomains()).containsExactly("partner.example.test", "lab.example.test");
        assertThat(config.syncScopeGroups()).containsExactly("Staff", "CORP\\Engineering", "Domain Users",
                "CN=Sales Team,OU=Groups,DC=partner,DC=example,DC=test");
    }

    @Test
    void aMissingServiceAccountIsExplainedWithTheFormsItMayTake() {
        assertThat(refusal(ConnectionKeys.BIND_DN, null)).isEqualTo(
                "bindDn is required: the service account, as a UPN (svc-keycloak@corp.example.test) or DOMAIN\\name");
    }

    @Test
    void aDnAsServiceAccountIsRefusedForKerberosButAcceptedForSimpleLogins() {
        assertThat(refusal(ConnectionKeys.BIND_DN, "CN=svc,OU=Service,DC=corp,DC=example,DC=test"))
                .contains("is a DN").contains("Kerberos").contains("svc-keycloak@corp.example.test");
        assertThat(TrustConfig.parse(valid(ConnectionKeys.BIND_DN, "CN=svc,DC=corp,DC=example,DC=test",
                TrustConfig.CROSS_FOREST_LOGIN, "simple")).crossForestLogin()).isEqualTo(TrustConfig.CrossForestLogin.SIMPLE);
    }

    @Test
    void refusesWhatAnAdminCanGetWrong() {
        assertThat(refusal(ConnectionKeys.DOMAIN, null)).startsWith("domain is required");
        assertThat(refusal(TrustConfig.DELETION_GRACE_DAYS, "-1")).contains("deletionGraceDays must be a number of days");
        assertThat(TrustConfig.parse(valid(TrustConfig.DELETION_GRACE_DAYS, "30")).deletionGrace().length())
                .isEqualTo(java.time.Duration.ofDays(30));
        assertThat(TrustConfig.parse(valid()).deletionGrace().isOn()).isFalse();
        assertThat(refusal(TrustConfig.DELETION_THRESHOLD_PERCENT, "101")).contains("deletionThresholdPercent must be a percentage from 1 to 100");
        assertThat(TrustConfig.parse(valid(TrustConfig.DELETION_THRESHOLD_PERCENT, "30", TrustConfig.DOMAIN_DELETION_THRESHOLD, "20",
                TrustConfig.DOMAIN_DELETION_THRESHOLD_PERCENT, "40")).deletionLimits())
                .isEqualTo(new net.adfederation.sync.DeletionLimits(500, 30, 20, 40));
        assertThat(refusal(TrustConfig.CROSS_FOREST_LOGIN, "ntlm")).contains("kerberos").contains("simple").contains("ntlm");
        assertThat(refusal(TrustConfig.DELETION_THRESHOLD, "0")).contains("deletionThreshold must be a positive whole number of users");
        assertThat(refusal(TrustConfig.TRUSTED_DOMAINS, "partner_example")).contains("partner_example is not a DNS domain name");
        assertThat(refusal(TrustConfig.DOMAIN_CONTROLLERS, "ldaps://dc1.partner.example.test")).contains("is not a line domain=url url");
        assertThat(refusal(TrustConfig.DOMAIN_CONTROLLERS, "p.example.test=ldaps://a\np.example.test=ldaps://b")).contains("has two lines");
        assertThat(refusal(TrustConfig.DOMAIN_CONTROLLERS, "p.example.test=ldap://dc1.p.example.test"))
                .contains("would send passwords unencrypted");
        assertThat(refusal(ConnectionKeys.BIND_CREDENTIAL, " ")).startsWith("bindCredential is required");
    }

    @Test
    void configuredDomainControllersWinAndOthersAreLeftToDns() {
        TrustConfig config = TrustConfig.parse(valid());

        assertThat(config.domainControllersOf("partner.example.test")).hasValueSatisfying(urls -> assertThat(urls).hasSize(2));
        assertThat(config.domainControllersOf("lab.example.test")).isEmpty();
    }

    @Test
    void cursorsAndSyncTimesDoNotChangeTheFingerprint() {
        String before = TrustConfig.parse(valid()).fingerprint();

        assertThat(TrustConfig.parse(valid("syncCursor.corp.example.test", "dc1|abc|42", "lastSync", "123")).fingerprint())
                .isEqualTo(before);
        assertThat(TrustConfig.parse(valid(TrustConfig.TRUSTED_DOMAINS, "partner.example.test")).fingerprint()).isNotEqualTo(before);
    }
}
