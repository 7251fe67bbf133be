package net.adfederation.it.bench;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.WebApplicationException;

import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;

/**
 * Keycloak's own LDAP provider configured as an admin configures it for Active Directory, the peer
 * the sync benchmark measures ad-trust against: vendor ad, import on, read-only, objectGUID as the
 * id, users by sAMAccountName, and a group-ldap-mapper importing the AD groups (nesting kept) and
 * each user's memberships from memberOf. Syncs are pressed through the admin API, as the console does.
 */
final class BuiltInLdap {

    private final Keycloak admin;
    private final String realm;
    private final String providerId;
    private final String groupMapperId;

    private BuiltInLdap(Keycloak admin, String realm, String providerId, String groupMapperId) {
        this.admin = admin;
        this.realm = realm;
        this.providerId = providerId;
        this.groupMapperId = groupMapperId;
    }

    /** A new realm holding the provider; a realm of that name left by an earlier run is removed first. */
    static BuiltInLdap create(Keycloak admin, String realm, String ldapUrl, String baseDn, String groupsDn, String bindDn,
                              String password) {
        if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realm))) admin.realm(realm).remove();
        RealmRepresentation representation = new RealmRepresentation();
        representation.setRealm(realm);
        representation.setEnabled(true);
        admin.realms().create(representation);
        String realmId = admin.realm(realm).toRepresentation().getId();

        ComponentRepresentation ldap = new ComponentRepresentation();
        ldap.setName("ldap");
        ldap.setProviderId("ldap");
        ldap.setProviderType("org.keycloak.storage.UserStorageProvider");
        ldap.setParentId(realmId);
        ldap.setConfig(config(Map.ofEntries(
                Map.entry("enabled", "true"),
                Map.entry("vendor", "ad"),
                Map.entry("connectionUrl", ldapUrl),
                Map.entry("bindDn", bindDn),
                Map.entry("bindCredential", password),
                Map.entry("authType", "simple"),
                Map.entry("usersDn", baseDn),
                Map.entry("searchScope", "2"),
                Map.entry("editMode", "READ_ONLY"),
                Map.entry("importEnabled", "true"),
                Map.entry("syncRegistrations", "false"),
                Map.entry("usernameLDAPAttribute", "sAMAccountName"),
                Map.entry("rdnLDAPAttribute", "cn"),
                Map.entry("uuidLDAPAttribute", "objectGUID"),
                Map.entry("userObjectClasses", "person, organizationalPerson, user"),
                Map.entry("customUserSearchFilter", "(sAMAccountType=805306368)"),
                Map.entry("pagination", "true"),
                Map.entry("batchSizeForSync", "1000"),
                Map.entry("trustEmail", "true"),
                Map.entry("fullSyncPeriod", "-1"),
                Map.entry("changedSyncPeriod", "-1"),
                Map.entry("cachePolicy", "DEFAULT"))));
        String providerId = created(admin.realm(realm).components().add(ldap));

        ComponentRepresentation groups = new ComponentRepresentation();
        groups.setName("groups");
        groups.setProviderId("group-ldap-mapper");
        groups.setProviderType("org.keycloak.storage.ldap.mappers.LDAPStorageMapper");
        groups.setParentId(providerId);
        groups.setConfig(config(Map.ofEntries(
                Map.entry("groups.dn", groupsDn),
                Map.entry("group.name.ldap.attribute", "cn"),
                Map.entry("group.object.classes", "group"),
                Map.entry("preserve.group.inheritance", "true"),
                Map.entry("ignore.missing.groups", "true"),
                Map.entry("membership.ldap.attribute", "member"),
                Map.entry("membership.attribute.type", "DN"),
                Map.entry("membership.user.ldap.attribute", "cn"),
                Map.entry("mode", "IMPORT"),
                Map.entry("user.roles.retrieve.strategy", "GET_GROUPS_FROM_USER_MEMBEROF_ATTRIBUTE"),
                Map.entry("memberof.ldap.attribute", "memberOf"),
                Map.entry("drop.non.existing.groups.during.sync", "false"),
                Map.entry("groups.path", "/"))));
        String groupMapperId = created(admin.realm(realm).components().add(groups));
        return new BuiltInLdap(admin, realm, providerId, groupMapperId);
    }

    /** The mapper's "Sync LDAP groups to Keycloak". */
    SynchronizationResultRepresentation syncGroups() {
        return refusalAsResult(() -> admin.realm(realm).userStorage().syncMapperData(providerId, groupMapperId, "fedToKeycloak"));
    }

    /** "Synchronize all users". */
    SynchronizationResultRepresentation fullSync() {
        return refusalAsResult(() -> admin.realm(realm).userStorage().syncUsers(providerId, "triggerFullSync"));
    }

    /** "Synchronize changed users". */
    SynchronizationResultRepresentation changedSync() {
        return refusalAsResult(() -> admin.realm(realm).userStorage().syncUsers(providerId, "triggerChangedUsersSync"));
    }

    /**
     * A sync the built-in provider ends with an error is a result of the benchmark (its row says so,
     * with Keycloak's answer), not the end of it: ad-trust is still measured.
     */
    private static SynchronizationResultRepresentation refusalAsResult(Supplier<SynchronizationResultRepresentation> sync) {
        try {
            return sync.get();
        } catch (WebApplicationException e) {
            SynchronizationResultRepresentation failed = new SynchronizationResultRepresentation();
            failed.setFailed(-1);
            failed.setStatus("FAILED: HTTP " + e.getResponse().getStatus() + " " + e.getResponse().readEntity(String.class));
            return failed;
        }
    }

    void remove() {
        admin.realm(realm).remove();
    }

    private static MultivaluedHashMap<String, String> config(Map<String, String> values) {
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        values.forEach(config::putSingle);
        return config;
    }

    private static String created(Response response) {
        try (response) {
            if (response.getStatus() != 201) {
                throw new IllegalStateException("creating a component answered " + response.getStatus() + ": "
                        + response.readEntity(String.class));
            }
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }
}
