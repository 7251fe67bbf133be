package net.adfederation.it.support;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * The forests every trust-mode test runs against, their realms in the shared Keycloak
 * (imported once per run from realm-config/corp-trust.json), and the admin console's sync
 * buttons, pressed through the admin API.
 */
public final class TrustRealms {

    private static final TrustForests EMBEDDED = new EmbeddedTrustForests();
    private static final TrustForests SAMBA = new SambaTrustForests();
    private static final Set<String> imported = new HashSet<>();

    private TrustRealms() {
    }

    /** For {@code @MethodSource}: the same cases on the embedded forests and on Samba's. */
    public static Stream<TrustForests> both() {
        return Stream.of(EMBEDDED, SAMBA);
    }

    /** The embedded forests alone, for cases that need no real Kerberos. */
    public static TrustForests embedded() {
        return EMBEDDED;
    }

    public static synchronized TrustForests ready(Keycloak admin, TrustForests forests) {
        forests.assumeAvailable();
        if (!imported.contains(forests.name())) {
            RealmFiles.importAs(admin, forests.realm(), "corp-trust.json", forests.realmFileValues());
            imported.add(forests.name());
        }
        return forests;
    }

    /**
     * Imports corp-trust.json as {@code realmName} without its ad-trust provider and returns that
     * provider, ready to be saved through the admin API (where its settings are checked).
     */
    public static ComponentRepresentation importHoldingBackTheProvider(Keycloak admin, String realmName,
                                                                       java.util.Map<String, String> values) {
        var realm = RealmFiles.load("corp-trust.json", values);
        var exported = realm.getComponents().remove("org.keycloak.storage.UserStorageProvider").get(0);
        RealmFiles.importAs(admin, realmName, realm);
        ComponentRepresentation provider = new ComponentRepresentation();
        provider.setName(exported.getName());
        provider.setProviderId(exported.getProviderId());
        provider.setConfig(exported.getConfig());
        provider.setParentId(admin.realm(realmName).toRepresentation().getId());
        provider.setProviderType("org.keycloak.storage.UserStorageProvider");
        return provider;
    }

    public static ComponentRepresentation provider(Keycloak admin, String realm) {
        return admin.realm(realm).components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c -> "ad-trust".equals(c.getProviderId())).findFirst().orElseThrow();
    }

    /** The admin console's "Synchronize all users". */
    public static SynchronizationResultRepresentation fullSync(Keycloak admin, String realm) {
        return admin.realm(realm).userStorage().syncUsers(provider(admin, realm).getId(), "triggerFullSync");
    }

    /** The admin console's "Synchronize changed users". */
    public static SynchronizationResultRepresentation changedSync(Keycloak admin, String realm) {
        return admin.realm(realm).userStorage().syncUsers(provider(admin, realm).getId(), "triggerChangedUsersSync");
    }
}
