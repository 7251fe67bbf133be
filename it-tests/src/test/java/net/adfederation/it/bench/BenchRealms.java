package net.adfederation.it.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.KerberosDesktop;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.TrustRealms;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.SynchronizationResultRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The realms compared side by side, made as an admin would: Keycloak's built-in LDAP provider
 * (vendor Active Directory, import off, read-only, the default mappers Keycloak adds), our two
 * realm files, and a realm whose one local user has a one-iteration PBKDF2 password (Keycloak's
 * own cost of a sign-in, with next to nothing for the password). Each has the public client
 * demo-app for the direct grant and the authorization-code flow.
 */
public final class BenchRealms {

    public static final String BUILT_IN = "bench-builtin-ldap";
    public static final String CONNECTOR = "bench-ad-connector";
    public static final String TRUST = "bench-ad-trust";
    public static final String LOCAL = "bench-local-floor";
    public static final String FAILOVER = "bench-failover";
    public static final List<String> ALL = List.of(BUILT_IN, CONNECTOR, TRUST, LOCAL, FAILOVER);

    private static final String PASSWORD = "Passw0rd!Alice";

    private BenchRealms() {
    }

    /**
     * Of the built-in ldap provider, connector, trust (synchronised) and local floor, in that order,
     * only the realms named: the trust realm's sync and removal cost minutes on a big directory.
     */
    public static List<SignInLoad.Target> create(Keycloak admin, BenchDirectory directory, String serverUrl, List<String> realms) {
        if (realms.contains(BUILT_IN)) builtIn(admin, directory, serverUrl);
        if (realms.contains(CONNECTOR)) RealmFiles.importAs(admin, CONNECTOR, "corp-connector.json", directory.connectorValues(serverUrl));
        if (realms.contains(TRUST)) {
            RealmFiles.importAs(admin, TRUST, "corp-trust.json", directory.trustValues(serverUrl));
            SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, TRUST);
            if (sync.getFailed() > 0 || sync.getAdded() == 0) throw new AssertionError("trust sync: " + sync.getStatus());
        }
        if (realms.contains(LOCAL)) localFloor(admin);
        return Stream.of(
                new SignInLoad.Target("built-in `ldap` (vendor ad, import off)", BUILT_IN, "alice", PASSWORD),
                new SignInLoad.Target("`ad-connector`", CONNECTOR, "alice", PASSWORD),
                new SignInLoad.Target("`ad-trust` (UPN, synchronised user)", TRUST, "alice@corp.example.test", PASSWORD),
                new SignInLoad.Target("local user, pbkdf2-sha256 1 iteration (floor)", LOCAL, "alice", PASSWORD))
                .filter(target -> realms.contains(target.realm())).toList();
    }

    /**
     * The same three directory realms with desktop SSO on, all with the keytab and SPN of
     * .ci/kerberos.sh on CORP's KDC: the built-in provider with "Allow Kerberos authentication" (as
     * the admin console sets it for Active Directory), our realm files with their Kerberos settings.
     * Every target is alice's Kerberos principal.
     */
    public static List<SignInLoad.Target> kerberos(Keycloak admin, BenchDirectory directory, String serverUrl) {
        builtIn(admin, directory, serverUrl, Map.of("allowKerberosAuthentication", "true",
                "kerberosRealm", "CORP.EXAMPLE.TEST", "serverPrincipal", KerberosDesktop.PRINCIPAL,
                "keyTab", KerberosDesktop.KEYTAB.toString(), "krbPrincipalAttribute", "userPrincipalName"));
        Map<String, String> connector = new HashMap<>(directory.connectorValues(serverUrl));
        connector.putAll(KerberosDesktop.realmFileValues());
        RealmFiles.importAs(admin, CONNECTOR, "corp-connector.json", connector);
        Map<String, String> trust = new HashMap<>(directory.trustValues(serverUrl));
        trust.putAll(KerberosDesktop.realmFileValues());
        RealmFiles.importAs(admin, TRUST, "corp-trust.json", trust);
        SynchronizationResultRepresentation sync = TrustRealms.fullSync(admin, TRUST);
        if (sync.getFailed() > 0 || sync.getAdded() == 0) throw new AssertionError("trust sync: " + sync.getStatus());
        String alice = "alice@CORP.EXAMPLE.TEST";
        return List.of(
                new SignInLoad.Target("built-in `ldap` (vendor ad, import off, Kerberos on)", BUILT_IN, alice, PASSWORD),
                new SignInLoad.Target("`ad-connector`", CONNECTOR, alice, PASSWORD),
                new SignInLoad.Target("`ad-trust` (synchronised user)", TRUST, alice, PASSWORD));
    }

    /** The connector realm file once more, its domain served by the DCs given (in that order). */
    public static SignInLoad.Target failover(Keycloak admin, BenchDirectory directory, String serverUrls) {
        RealmFiles.importAs(admin, FAILOVER, "corp-connector.json", directory.connectorValues(serverUrls));
        return new SignInLoad.Target("`ad-connector`, two DCs", FAILOVER, "alice", PASSWORD);
    }

    /** The mappers Keycloak made for the built-in provider, by name. */
    public static List<String> builtInMappers(Keycloak admin) {
        String parent = admin.realm(BUILT_IN).components().query(null, "org.keycloak.storage.UserStorageProvider").get(0).getId();
        return admin.realm(BUILT_IN).components().query(parent, "org.keycloak.storage.ldap.mappers.LDAPStorageMapper")
                .stream().map(ComponentRepresentation::getName).sorted().toList();
    }

    public static void removeAll(Keycloak admin) {
        for (String realm : ALL) {
            if (admin.realms().findAll().stream().anyMatch(r -> r.getRealm().equals(realm))) admin.realm(realm).remove();
        }
    }

    private static void builtIn(Keycloak admin, BenchDirectory directory, String serverUrl) {
        builtIn(admin, directory, serverUrl, Map.of());
    }

    /** {@code changed}: settings that differ from the console's defaults below. */
    private static void builtIn(Keycloak admin, BenchDirectory directory, String serverUrl, Map<String, String> changed) {
        RealmFiles.importAs(admin, BUILT_IN, realmWithClient());
        ComponentRepresentation ldap = new ComponentRepresentation();
        ldap.setName("corp-ldap");
        ldap.setProviderId("ldap");
        ldap.setProviderType("org.keycloak.storage.UserStorageProvider");
        ldap.setParentId(admin.realm(BUILT_IN).toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        // What the admin console's "Add LDAP provider" form holds for Active Directory, import off.
        Map.ofEntries(Map.entry("vendor", "ad"), Map.entry("editMode", "READ_ONLY"), Map.entry("importEnabled", "false"),
                Map.entry("syncRegistrations", "false"), Map.entry("connectionUrl", serverUrl),
                Map.entry("startTls", "false"), Map.entry("useTruststoreSpi", "always"),
                Map.entry("connectionPooling", "true"), Map.entry("authType", "simple"),
                Map.entry("bindDn", "svc-keycloak@corp.example.test"),
                Map.entry("bindCredential", AdFederationServerConfig.VAULT_REFERENCE),
                Map.entry("usersDn", directory.baseDn()), Map.entry("searchScope", "2"),
                Map.entry("usernameLDAPAttribute", "sAMAccountName"), Map.entry("rdnLDAPAttribute", "cn"),
                Map.entry("uuidLDAPAttribute", "objectGUID"),
                Map.entry("userObjectClasses", "person, organizationalPerson, user"),
                Map.entry("pagination", "true"), Map.entry("enabled", "true"), Map.entry("priority", "0"),
                Map.entry("fullSyncPeriod", "-1"), Map.entry("changedSyncPeriod", "-1"),
                Map.entry("trustEmail", "false"), Map.entry("validatePasswordPolicy", "false"),
                Map.entry("allowKerberosAuthentication", "false"), Map.entry("useKerberosForPasswordAuthentication", "false"))
                .forEach(config::putSingle);
        changed.forEach(config::putSingle);
        ldap.setConfig(config);
        try (Response created = admin.realm(BUILT_IN).components().add(ldap)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("the built-in LDAP provider was refused: " + created.readEntity(String.class));
            }
        }
    }

    private static void localFloor(Keycloak admin) {
        RealmRepresentation realm = realmWithClient();
        realm.setPasswordPolicy("hashAlgorithm(pbkdf2-sha256) and hashIterations(1)");
        RealmFiles.importAs(admin, LOCAL, realm);
        UserRepresentation alice = new UserRepresentation();
        alice.setUsername("alice");
        alice.setEnabled(true);
        alice.setEmail("alice@corp.example.test");
        alice.setEmailVerified(true);
        alice.setFirstName("Alice");
        alice.setLastName("Smith");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        alice.setCredentials(List.of(password));
        try (Response created = admin.realm(LOCAL).users().create(alice)) {
            if (created.getStatus() != 201) throw new AssertionError("local user refused: " + created.readEntity(String.class));
        }
    }

    private static RealmRepresentation realmWithClient() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(Directories.CLIENT);
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setRedirectUris(List.of(OidcClient.APPLICATION + "*"));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        RealmRepresentation realm = new RealmRepresentation();
        realm.setEnabled(true);
        realm.setClients(List.of(client));
        return realm;
    }
}
