package net.adfederation.it.support;

import java.nio.file.Files;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.embeddedad.SambaRequirement;

/**
 * The Samba forests that `ad-dc.sh up-trust` provisions: CORP on 127.0.0.2 and PARTNER on
 * 127.0.0.3 with a two-way forest trust. Keycloak reads PARTNER as CORP's service account over
 * Kerberos, as AD requires, with the krb5.conf the script writes.
 */
public final class SambaTrustForests implements TrustForests {

    public static final String PARTNER_HOST = "dc2.partner.example.test";

    private DirectoryAdmin corpAdmin;
    private DirectoryAdmin partnerAdmin;

    @Override
    public String name() {
        return "samba";
    }

    @Override
    public Map<String, String> realmFileValues() {
        return Map.of("AD_SERVER_URLS", "ldaps://" + SambaDirectory.HOST + ":636",
                "AD_DOMAIN_CONTROLLERS", "partner.example.test=ldaps://" + PARTNER_HOST + ":636",
                "AD_BIND_CREDENTIAL", AdFederationServerConfig.VAULT_REFERENCE,
                "AD_CROSS_FOREST_LOGIN", "kerberos");
    }

    @Override
    public synchronized DirectoryAdmin corpAdmin() {
        if (corpAdmin == null) {
            corpAdmin = new DirectoryAdmin("ldaps://" + SambaDirectory.HOST + ":636", SambaDirectory.CA_PEM,
                    "Administrator@corp.example.test", "Passw0rd!Admin", "DC=corp,DC=example,DC=test");
        }
        return corpAdmin;
    }

    @Override
    public synchronized DirectoryAdmin partnerAdmin() {
        if (partnerAdmin == null) {
            partnerAdmin = new DirectoryAdmin("ldaps://" + PARTNER_HOST + ":636", SambaDirectory.PARTNER_CA_PEM,
                    "Administrator@partner.example.test", "Passw0rd!Admin", "DC=partner,DC=example,DC=test");
        }
        return partnerAdmin;
    }

    @Override
    public void assumeAvailable() {
        SambaRequirement.here().requireSamba(SambaRequirement.reachable("127.0.0.3", 636)
                        && Files.isRegularFile(SambaDirectory.PARTNER_CA_PEM) && Files.isRegularFile(SambaDirectory.KRB5_CONF),
                "the Samba PARTNER forest on 127.0.0.3 with a trust", "up-trust");
        new SambaDirectory().assumeAvailable();
    }
}
