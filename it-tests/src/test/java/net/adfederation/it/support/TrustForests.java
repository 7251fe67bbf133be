package net.adfederation.it.support;

import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;

/**
 * Two forests joined by a two-way trust that the trust-mode tests run against: the embedded
 * pair, or the Samba pair. Each has its own realm in the shared Keycloak, made from
 * realm-config/corp-trust.json, and admin clients for both forests.
 */
public interface TrustForests {

    String name();

    default String realm() {
        return "trust-" + name();
    }

    /** Values for corp-trust.json's placeholders. */
    Map<String, String> realmFileValues();

    DirectoryAdmin corpAdmin();

    DirectoryAdmin partnerAdmin();

    void assumeAvailable();
}
