package net.adfederation.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.adfederation.account.AdDomainSource;
import net.adfederation.account.AdProviders;
import net.adfederation.account.UserAttributes;
import net.adfederation.directory.AdDomain;
import net.adfederation.directory.DirectoryException;
import net.adfederation.directory.read.AccountName;
import net.adfederation.directory.read.AdGroup;
import net.adfederation.directory.read.AdUser;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.ModelToRepresentation;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * "Test a user": what Keycloak would do with a name, without a password. The name is looked up in
 * each of the component's domains as sign-in does (a UPN or DOMAIN\name reaches one domain, a bare
 * name each), then in Keycloak: the connector through its live lookup, trust mode among the users
 * already synchronised (a lookup through the provider could import one). LDAP operations: one search
 * per domain asked, plus tokenGroups and the group names (kept briefly) for the account found, plus
 * the connector's own lookup.
 */
final class UserCheck {

    /** The answer; the claims come from {@link ExampleClaims}. */
    record Result(String name, String domain, String dn, String upn, String state, String reason, List<String> adGroups,
                  String keycloakUserId, String keycloakUsername, List<String> keycloakGroups, List<String> roles,
                  List<String> alsoFoundIn, ExampleClaims.Claims claims) {
    }

    private static final int MAX_LISTED = 200;

    private UserCheck() {
    }

    static Result check(KeycloakSession session, RealmModel realm, ComponentModel component, AdDomainSource source, String name,
                        String client, AdminPermissionEvaluator auth) {
        AccountName parsed = AccountName.parse(name).orElseThrow(() -> new IllegalArgumentException("not a user name: " + name));
        List<AdDomain> domains;
        try {
            domains = source.openDomains(session, component);
        } catch (DirectoryException e) {
            return unknown(name, e.getMessage());
        }
        AdDomain foundIn = null;
        AdUser user = null;
        List<String> alsoIn = new ArrayList<>();
        for (AdDomain domain : domains) {
            Optional<AdUser> found;
            try {
                found = domain.users().findByName(parsed);
            } catch (DirectoryException e) {
                return unknown(name, domain.info().dnsName() + ": " + e.getMessage());
            }
            if (found.isEmpty()) continue;
            if (user == null) {
                user = found.get();
                foundIn = domain;
            } else {
                alsoIn.add(domain.info().dnsName());
            }
        }
        if (user == null) {
            return new Result(name, null, null, null, "not-found", "No domain of " + component.getName() + " has an account named so.",
                    List.of(), null, null, List.of(), List.of(), List.of(), null);
        }
        AccountVerdict verdict = AccountVerdict.of(user, Instant.now());
        String username = UserAttributes.username(user, foundIn.info());
        UserModel keycloakUser = keycloakUser(session, realm, component, username);
        String state = verdict.state();
        String reason = verdict.reason();
        if (keycloakUser == null && "enabled".equals(state)) {
            boolean trust = AdProviders.TRUST.equals(component.getProviderId());
            state = trust ? "not-imported" : "outside-scope";
            reason = trust ? "Not among the synchronised users: outside the sync scope, or not synchronised yet."
                    : "Keycloak does not take this account: it is outside the sign-in scope (allowed groups or search base).";
        } else if (keycloakUser != null && !keycloakUser.isEnabled() && "enabled".equals(state)) {
            state = "disabled-in-keycloak";
            reason = "AD allows the account, Keycloak has it disabled (an admin, a lockout, or the grace period of a removal).";
        }
        return new Result(name, foundIn.info().dnsName(), user.dn(), user.userPrincipalName(), state, reason, adGroups(foundIn, user),
                keycloakUser == null ? null : keycloakUser.getId(), keycloakUser == null ? null : keycloakUser.getUsername(),
                keycloakUser == null ? List.of() : groups(keycloakUser), keycloakUser == null ? List.of() : roles(keycloakUser), alsoIn,
                keycloakUser == null ? null : ExampleClaims.of(session, realm, keycloakUser, client, auth));
    }

    private static UserModel keycloakUser(KeycloakSession session, RealmModel realm, ComponentModel component, String username) {
        if (AdProviders.CONNECTOR.equals(component.getProviderId())) return session.users().getUserByUsername(realm, username);
        UserModel local = org.keycloak.storage.UserStoragePrivateUtil.userLocalStorage(session).getUserByUsername(realm, username);
        if (local == null || !component.getId().equals(local.getFederationLink())) return null;
        return session.users().getUserById(realm, local.getId());
    }

    private static List<String> adGroups(AdDomain domain, AdUser user) {
        try {
            return domain.groupNames().groupsWith(domain.users().tokenGroups(user)).stream().map(AdGroup::name).sorted()
                    .limit(MAX_LISTED).toList();
        } catch (DirectoryException e) {
            return List.of("(" + e.getMessage() + ")");
        }
    }

    private static List<String> groups(UserModel user) {
        return user.getGroupsStream().map(ModelToRepresentation::buildGroupPath).sorted().limit(MAX_LISTED).toList();
    }

    /** Effective roles (composites and groups' roles included): realm roles by name, client roles as client/role. */
    private static List<String> roles(UserModel user) {
        return org.keycloak.models.utils.RoleUtils.getDeepUserRoleMappings(user).stream()
                .map(role -> role.isClientRole() ? ((org.keycloak.models.ClientModel) role.getContainer()).getClientId() + "/" + role.getName()
                        : role.getName())
                .sorted().limit(MAX_LISTED).toList();
    }

    private static Result unknown(String name, String why) {
        return new Result(name, null, null, null, "unknown", why, List.of(), null, null, List.of(), List.of(), List.of(), null);
    }
}
