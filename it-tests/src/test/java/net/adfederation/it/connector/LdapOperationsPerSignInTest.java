package net.adfederation.it.connector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import net.adfederation.embeddedad.DirectoryAdmin;
import net.adfederation.it.support.AdFederationServerConfig;
import net.adfederation.it.support.DemoAppClients;
import net.adfederation.it.support.Directories;
import net.adfederation.it.support.EmbeddedDirectory;
import net.adfederation.it.support.OidcClient;
import net.adfederation.it.support.RealmFiles;
import net.adfederation.it.support.UserAttributeMappers;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A benchmark by count, not by time: the LDAP operations one successful connector sign-in costs,
 * read from the embedded AD's operation log, for the realm file as it is (a group link and the
 * groups mapper on demo-app), with the mapper writing SIDs, without the mapper, and without the
 * link either. The figures go to
 * target/ldap-operations-per-sign-in.txt and into docs/connector.md.
 */
@KeycloakIntegrationTest(config = AdFederationServerConfig.class)
class LdapOperationsPerSignInTest {

    private static final String REALM = "ldap-operations";
    private static final String PASSWORD = "Passw0rd!Alice";
    /** The embedded AD's seed value (SeedAccounts), her UPN too. */
    private static final String ALICE_MAIL = "alice@corp.example.test";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private static final String BOB_DN_START = "CN=Bob";

    private record Counted(String realmShape, List<String> directGrant, List<String> codeFlow, List<String> warmUp) {
    }

    /**
     * employeeID, department and manager (as UPN) mapped; alice given all three for the count and
     * her entry put back after it. With {@code managerInToken} the client's User Attribute mappers
     * ask for the manager too, else only for employeeId and department.
     */
    private Counted withMappedAttributes(EmbeddedDirectory directory, boolean managerInToken) {
        DirectoryAdmin ad = directory.admin();
        ComponentRepresentation provider = realm().components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c -> "ad-connector".equals(c.getProviderId())).findFirst().orElseThrow();
        List<String> mappers = new java.util.ArrayList<>();
        try {
            ad.setAttribute("alice", "employeeID", "E-1001");
            ad.setAttribute("alice", "manager", ad.dnOf("bob"));
            provider.getConfig().put("attributeMappings", new java.util.ArrayList<>(List.of("employeeID=employeeId",
                    "department=department", "manager=manager:upn")));
            realm().components().component(provider.getId()).update(provider);
            mappers.addAll(UserAttributeMappers.add(admin, REALM, Directories.CLIENT,
                    managerInToken ? List.of("employeeId", "department", "manager") : List.of("employeeId", "department")));
            return count(directory, "no group link, no groups mapper; attributeMappings employeeID, department, manager:upn;"
                    + (managerInToken ? " all three" : " employeeId and department") + " in the token (User Attribute mappers)");
        } finally {
            UserAttributeMappers.delete(admin, REALM, Directories.CLIENT, mappers);
            provider.getConfig().remove("attributeMappings");
            realm().components().component(provider.getId()).update(provider);
            ad.setAttribute("alice", "employeeID");
            ad.setAttribute("alice", "manager");
        }
    }

    /** alice's mail made other than her UPN (as it often is: mail at the company's domain, UPN at AD's), put back after the count. */
    private Counted withMailOtherThanUpn(EmbeddedDirectory directory) {
        DirectoryAdmin ad = directory.admin();
        try {
            ad.setAttribute("alice", "mail", "alice.smith@mail.example.test");
            return count(directory, "no group link, no groups mapper; alice's mail not her UPN");
        } finally {
            ad.setAttribute("alice", "mail", ALICE_MAIL);
        }
    }

    @Test
    void aSignInCostsTwoLdapOperationsWithoutGroupLinksAndThreeWithGroupNamesInTokensToo() throws IOException {
        EmbeddedDirectory directory = Directories.embedded();
        directory.assumeAvailable();
        RealmFiles.importAs(admin, REALM, "corp-connector.json", directory.realmFileValues());
        try {
            Counted named = count(directory, "a group link and the groups mapper (names) on the client");
            DemoAppClients.setGroupsFormat(admin, REALM, "sid");
            Counted sids = count(directory, "a group link and the groups mapper writing SIDs");
            removeGroupsMapper();
            Counted linked = count(directory, "a group link, no groups mapper");
            removeGroupLinks();
            Counted plain = count(directory, "no group link, no groups mapper");
            Counted otherMail = withMailOtherThanUpn(directory);
            Counted mapped = withMappedAttributes(directory, false);
            Counted mappedManager = withMappedAttributes(directory, true);
            write(List.of(plain, otherMail, linked, sids, named, mapped, mappedManager));

            // Keycloak's verify-profile check at every sign-in ran the duplicate-username check, which asks for the
            // username (the UPN) as an e-mail too: for a user whose mail is not her UPN one LDAP search more (3 and 3),
            // whose answer Keycloak then discarded (the connector's attributes are read-only). ReadOnlyProfile leaves it out.
            assertThat(otherMail.directGrant()).hasSameSizeAs(plain.directGrant());
            assertThat(otherMail.codeFlow()).hasSameSizeAs(plain.codeFlow());

            // attributeMappings come with the one user read: not one operation more
            assertThat(mapped.directGrant()).hasSameSizeAs(plain.directGrant());
            assertThat(mapped.codeFlow()).hasSameSizeAs(plain.codeFlow());
            // manager:upn: Keycloak's verify-profile check reads every attribute at sign-in, so the first sign-in reads the
            // manager's UPN once (a base read), token mapper or not; the domain keeps it a minute, so the next ones read nothing
            for (Counted counted : List.of(mapped, mappedManager)) {
                assertThat(counted.warmUp().stream().filter(op -> op.contains(BOB_DN_START))).hasSize(1);
                assertThat(counted.directGrant()).noneMatch(op -> op.contains(BOB_DN_START));
                assertThat(counted.codeFlow()).noneMatch(op -> op.contains(BOB_DN_START));
            }
            assertThat(mappedManager.directGrant()).hasSameSizeAs(plain.directGrant());
            assertThat(mappedManager.codeFlow()).hasSameSizeAs(plain.codeFlow());

            // find the user, bind as the user
            assertThat(plain.directGrant()).hasSize(2);
            // + the user's tokenGroups (a base read), matched with the link's SID (kept from the warm-up)
            assertThat(linked.directGrant()).hasSize(3);
            // SIDs in the groups claim need nothing more; names neither, once the names of these SIDs
            // are kept (from the warm-up): without GroupNameCache it is one search by SID more, 4
            assertThat(sids.directGrant()).hasSize(3);
            assertThat(named.directGrant()).hasSize(3);
            assertThat(named.directGrant()).as("no search for the groups' names").noneMatch(op -> op.contains("objectSid="));
            // the code's redemption (a new request) reads the user once more, by objectGUID, and its token's groups in the
            // same base read of <GUID=...>: a code flow costs what a direct grant costs (it was 4 with a second read)
            assertThat(plain.codeFlow()).hasSize(3);
            for (Counted counted : List.of(linked, sids, named)) {
                assertThat(counted.codeFlow()).as(counted.realmShape()).hasSameSizeAs(counted.directGrant()).hasSize(3);
                assertThat(counted.codeFlow()).as(counted.realmShape()).anyMatch(op -> op.contains("<GUID="));
            }
            assertThat(List.of(plain, linked, sids, named)).allSatisfy(counted -> assertThat(counted.directGrant())
                    .as("no in-chain search").noneMatch(op -> op.contains("1.2.840.113556.1.4.1941")));
        } finally {
            admin.realm(REALM).remove();
        }
    }

    /**
     * One sign-in first (pools, the link's SID, the names of the user's group SIDs), then a direct grant and a code flow, counted apart;
     * a client of its own each time, so no browser session of an earlier count skips the sign-in.
     */
    private Counted count(EmbeddedDirectory directory, String realmShape) {
        OidcClient oidc = new OidcClient(urls.getBase(), REALM, Directories.CLIENT);
        directory.server().resetOperationCounts();
        assertThat(oidc.directGrant("alice", PASSWORD).ok()).isTrue();
        List<String> warmUp = directory.server().recentOperations();

        directory.server().resetOperationCounts();
        assertThat(oidc.directGrant("alice", PASSWORD).ok()).isTrue();
        List<String> directGrant = directory.server().recentOperations();

        directory.server().resetOperationCounts();
        assertThat(oidc.authorizationCodeSignIn("alice", PASSWORD).ok()).isTrue();
        List<String> codeFlow = directory.server().recentOperations();
        return new Counted(realmShape, directGrant, codeFlow, warmUp);
    }

    private void removeGroupsMapper() {
        ClientResource demoApp = realm().clients().get(realm().clients().findByClientId(Directories.CLIENT).get(0).getId());
        demoApp.getProtocolMappers().getMappers().stream()
                .filter(mapper -> DemoAppClients.GROUPS_MAPPER.equals(mapper.getName()))
                .forEach(mapper -> demoApp.getProtocolMappers().delete(mapper.getId()));
    }

    private void removeGroupLinks() {
        for (GroupRepresentation group : realm().groups().groups()) {
            GroupRepresentation full = realm().groups().group(group.getId()).toRepresentation();
            full.setAttributes(Map.of());
            realm().groups().group(group.getId()).update(full);
        }
    }

    private RealmResource realm() {
        return admin.realm(REALM);
    }

    private static void write(List<Counted> all) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("LDAP operations per successful sign-in (connector mode, embedded AD, warm pools)\n");
        for (Counted counted : all) {
            out.append("\n== ").append(counted.realmShape()).append('\n');
            out.append("direct grant (one HTTP request): ").append(counted.directGrant().size()).append('\n');
            counted.directGrant().forEach(op -> out.append("  ").append(op).append('\n'));
            out.append("authorization code + PKCE (login page, form post, code redemption): ")
                    .append(counted.codeFlow().size()).append('\n');
            counted.codeFlow().forEach(op -> out.append("  ").append(op).append('\n'));
        }
        Path file = Path.of("target", "ldap-operations-per-sign-in.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
        System.out.print(out);
    }
}
